// An import request carries a whole spreadsheet (a 100k-row file is several MB): its JSON body
// is parsed here, before strapi::body, with config/import.json's `maxBodyBytes`, while every
// other request keeps strapi::body's 1 MB cap. Only the exact import routes, only JSON, and
// only with credentials that look like a token (global::crm-auth ran before).
import coBody from 'co-body';
import { readConfig } from '../crm/roles';
import type { ImportConfig } from '../crm/import-file';

const IMPORT_ROUTE = /^\/api\/crm\/[a-z-]+\/import$/;
const DEFAULT_MAX = 1024 * 1024;

export default (_config: unknown, { strapi }: { strapi: any }) => {
  let limit: number | undefined;
  return async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method === 'POST' && IMPORT_ROUTE.test(ctx.path) && ctx.is('json')) {
      limit ??= Number(readConfig<ImportConfig>(strapi.dirs.app.root, 'import.json').maxBodyBytes ?? DEFAULT_MAX);
      ctx.request.body = await coBody.json(ctx, { limit, strict: true });
      // strapi::body (koa-body) parses by content type: the stream is read already, so it must
      // find nothing to parse, and keeps the body set here
      ctx.req.headers['content-type'] = 'application/x-crm-parsed-json';
    }
    await next();
  };
};
