// Public form endpoints: read a form, submit it (throttled per client address), its page, its
// script and its QR code. Errors keep Strapi's JSON shape; nothing names staff or record ids.
import QRCode from 'qrcode';
import { CrmError, errorBody } from '../../../crm/errors';
import { formOf, publicView, submit } from '../services/submit';
import { throttleForm } from '../services/throttle';
import { PAGE, SCRIPT } from '../services/page';

const open = (fn: (ctx: any) => Promise<unknown>) => async (ctx: any) => {
  try {
    const body = await fn(ctx);
    if (body !== undefined) ctx.body = body;
  } catch (e) {
    if (!(e instanceof CrmError)) throw e;
    ctx.status = e.status;
    if (e.status === 429) ctx.set('Retry-After', String((e.details as any)?.retryAfter ?? 60));
    ctx.body = errorBody(e);
  }
};

/** The link printed on posters: the configured public address, else the one the request came in on. */
export const formLink = (ctx: any, token: string) =>
  `${(process.env.CRM_PUBLIC_URL || ctx.origin).replace(/\/+$/, '')}/api/public/forms/${encodeURIComponent(token)}/page`;

export default {
  show: open(async (ctx) => publicView(await formOf(strapi, ctx.params.token))),
  submit: open(async (ctx) => {
    await throttleForm(strapi, String(ctx.request.ip ?? 'unknown'));
    const q = await formOf(strapi, ctx.params.token);
    const body = typeof ctx.request.body === 'object' && ctx.request.body && !Array.isArray(ctx.request.body) ? ctx.request.body : {};
    return submit(strapi, q, body);
  }),
  page: open(async (ctx) => {
    await formOf(strapi, ctx.params.token);
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    return PAGE;
  }),
  script: open(async (ctx) => {
    ctx.type = 'application/javascript; charset=utf-8';
    return SCRIPT;
  }),
  qr: open(async (ctx) => {
    const q = await formOf(strapi, ctx.params.token);
    ctx.type = 'image/svg+xml';
    ctx.set('Cache-Control', 'no-store');
    return QRCode.toString(formLink(ctx, q.publicToken), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  }),
};
