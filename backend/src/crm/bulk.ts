// Many records, one transaction: the first refusal names its record and undoes the rest.
import { CrmError } from './errors';

export async function inBulk(ids: unknown[], fn: (id: unknown) => Promise<unknown>) {
  await strapi.db.transaction(async () => {
    for (const id of ids) {
      try {
        await fn(id);
      } catch (e) {
        if (!(e instanceof CrmError)) throw e;
        throw new CrmError(e.status, e.name, `#${id}: ${e.message}`, { ...(e.details as object), id });
      }
    }
  });
  return { updated: ids.length };
}
