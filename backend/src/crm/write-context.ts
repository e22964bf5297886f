// Who is writing and why, carried through the Document Service without threading it through
// every call: services run their writes inside `withWrite`, and the write rules and audit
// trail read it. A write outside any context (Strapi's admin panel, seeding) has no intent.
import { AsyncLocalStorage } from 'async_hooks';

export interface WriteActor {
  id: number | null;
  name: string;
}

export interface WriteContext {
  actor?: WriteActor;
  /** the action that asked for the write: convert, approve-loss, assign, claim, follow-up… */
  intent?: string;
  /** optimistic concurrency: the version the caller read, per document */
  expect?: Map<string, number>;
  /** the caller explicitly confirmed a destructive change (`DELETE …?confirm=true`) */
  confirmed?: boolean;
  /** a bulk write (import): lookups loaded once for all its records, audit events collected */
  batch?: WriteBatch;
}

/**
 * What the rules of a bulk write look up, loaded once per chunk of records by the rules'
 * `prefetch` instead of one query per record, and the audit events its records produce, written
 * together (crm/bulk-write.ts). A table that was never loaded is not answered from here.
 */
export class WriteBatch {
  private tables = new Map<string, Map<string, unknown>>();
  audit: Record<string, unknown>[] = [];

  load(table: string, entries: Iterable<[string, unknown]>) {
    const t = this.tables.get(table) ?? new Map<string, unknown>();
    for (const [k, v] of entries) t.set(k, v);
    this.tables.set(table, t);
  }

  table(name: string): Map<string, unknown> | undefined {
    return this.tables.get(name);
  }
}

/** `load()`'s answer for `key`, from the current batch when it loaded `table` (a miss is null). */
export async function lookup<T>(table: string, key: string, load: () => Promise<T>, ctx: WriteContext = currentWrite()): Promise<T | null> {
  const t = ctx.batch?.table(table);
  if (t) return (t.get(key) ?? null) as T | null;
  return load();
}

const store = new AsyncLocalStorage<WriteContext>();

export const currentWrite = (): WriteContext => store.getStore() ?? {};

/** Runs `fn` with `ctx` merged over the surrounding context. */
export function withWrite<T>(ctx: WriteContext, fn: () => Promise<T>): Promise<T> {
  const outer = currentWrite();
  return store.run({ ...outer, ...ctx, expect: new Map([...(outer.expect ?? []), ...(ctx.expect ?? [])]) }, fn);
}
