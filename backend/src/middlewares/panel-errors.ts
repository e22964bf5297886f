// Refusals raised by the CRM rules under Strapi's admin panel (Content Manager requests, not
// /api/): the panel's error formatter expects `details.errors: [{path, message}]` and calls
// `.join` on every other detail when that list is missing (`s.join is not a function`). Adds that
// list, in Chinese, and keeps `details.code` / `details.field` as they are. Sits outside
// strapi::errors so that it sees the formatted error body.
import { attributeOf, refusalText, resourceOfUid } from '../crm/panel-text';

const UID_IN_PATH = /\/(api::[\w-]+\.[\w-]+)/;

export default () => async (ctx: any, next: () => Promise<void>) => {
  await next();
  if (ctx.status < 400 || ctx.path.startsWith('/api/')) return;
  const error = ctx.body?.error;
  const details = error?.details;
  if (!details || typeof details.code !== 'string' || Array.isArray(details.errors)) return;
  const resourceName = resourceOfUid(decodeURIComponent(ctx.path).match(UID_IN_PATH)?.[1]);
  const message = refusalText(details.code, details, resourceName) ?? error.message;
  const field = typeof details.field === 'string' ? details.field : undefined;
  error.message = message;
  details.errors = [{ path: field ? [attributeOf(resourceName, field)] : [], message, name: error.name ?? 'ValidationError' }];
};
