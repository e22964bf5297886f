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
}

const store = new AsyncLocalStorage<WriteContext>();

export const currentWrite = (): WriteContext => store.getStore() ?? {};

/** Runs `fn` with `ctx` merged over the surrounding context. */
export function withWrite<T>(ctx: WriteContext, fn: () => Promise<T>): Promise<T> {
  const outer = currentWrite();
  return store.run({ ...outer, ...ctx, expect: new Map([...(outer.expect ?? []), ...(ctx.expect ?? [])]) }, fn);
}
