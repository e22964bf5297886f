import type { TranslationMessages } from 'react-admin';

/**
 * A message catalog type with every key required and no catch-all index signature.
 *
 * `TranslationMessages` (ra-core) lists every key of `ra-language-english` but also
 * allows any extra key (`[key: string]: ...`) and marks some groups optional, so a
 * catalog typed with it would compile with keys missing. `Strict<T>` removes the index
 * signatures and the `?`s: a missing key, or a misspelt extra one, fails `tsc`.
 * `scripts/check-i18n.ts` also compares the key sets and %{placeholders} at run time.
 */
export type Strict<T> = T extends string
  ? string
  : {
      [K in keyof T as string extends K ? never : number extends K ? never : K]-?: Strict<
        Exclude<T[K], undefined>
      >;
    };

/** react-admin's own messages (the `ra` namespace), every key required. */
export type RaMessages = Strict<Pick<TranslationMessages, 'ra'>>;

/** Turns the English domain catalog (string literals) into a shape of plain strings. */
export type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
