// A condition on the row that Strapi's query engine cannot express (an expression an index
// serves: the bigrams of the search columns, a value inside `custom`). In the filters it travels
// as `id IN (SELECT t0.id FROM <table> AS t0 WHERE <condition>)`, which every reader understands;
// the list reads (row-read.ts) lift it out of the AND-ed filters and apply it to the row itself.
// A self semi-join reads the table twice: at 2M interactions a consultant's `q` total took
// 1.5 s as a semi-join against 84 ms on the row (EXPLAIN ANALYZE, docs/benchmarks.md). Generic.
import type { Core } from '@strapi/strapi';

/** SQL over the alias `t0` (the query engine's alias of the root table), with `?` bindings. */
export interface RowCondition { sql: string; bindings: unknown[] }

/** The `$in` objects made here, with the condition each one stands for. */
const conditions = new WeakMap<object, RowCondition>();

/** The filter `{ id: { $in: <subquery> } }` for `sql` on rows of `table`, liftable onto the row. */
export function rowCondition(strapi: Core.Strapi, table: string, sql: string, bindings: unknown[] = []): Record<string, unknown> {
  const sub = strapi.db.connection({ t0: table }).select('t0.id').whereRaw(sql, bindings as any[]);
  const cond = { $in: sub };
  conditions.set(cond, { sql, bindings });
  return { id: cond };
}

/**
 * `filters` without the row conditions that are AND-ed at its top (through `$and` and an object's
 * keys; not under `$or`/`$not`, which keep the subquery), and those conditions.
 */
export function liftRowConditions(filters: Record<string, unknown>): { where: Record<string, unknown>; raw: RowCondition[] } {
  const raw: RowCondition[] = [];
  const walk = (f: unknown): unknown => {
    if (!f || typeof f !== 'object' || Array.isArray(f)) return f;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f as Record<string, unknown>)) {
      const lifted = k === 'id' && v && typeof v === 'object' ? conditions.get(v) : undefined;
      if (lifted) raw.push(lifted);
      else if (k === '$and' && Array.isArray(v)) {
        const kept = v.map(walk).filter((x) => !(x && typeof x === 'object' && !Array.isArray(x) && !Object.keys(x).length));
        if (kept.length) out[k] = kept;
      } else out[k] = v;
    }
    return out;
  };
  const where = walk(filters) as Record<string, unknown>;
  return raw.length ? { where, raw } : { where: filters, raw };
}
