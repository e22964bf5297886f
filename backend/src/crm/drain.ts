// Shutting down without killing the process. Strapi emits its entry events after each commit in
// the background (a deep-populated read per written document); destroying the connection pool
// under them rejects their pending acquires with "aborted", an unhandled rejection that ends the
// process (it did: the tests' template boot on PostgreSQL, right after the first-start writes).
import type { Core } from '@strapi/strapi';

interface Pool { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number }

/** Waits, at most `ms`, until no query holds or awaits a pooled connection. */
export async function drainPool(strapi: Core.Strapi, ms = 5000): Promise<void> {
  const pool: Pool | undefined = (strapi.db as any)?.connection?.client?.pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const until = Date.now() + ms;
  while (busy() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}
