import { badRequest, CrmError, errorBody } from '../../../crm/errors';
import { escapeHtml } from '../../message/template';
import { isOptOutReply, messagingConfig, readUnsubscribeToken, sameSecret, unsubscribeSecret } from '../../message/opt-out';
import { mobileWhere, optOut } from '../service';

const page = (title: string, body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family:sans-serif;max-width:32em;margin:3em auto;padding:0 1em">${body}</body></html>`;

const refuse = (ctx: any, e: CrmError) => { ctx.status = e.status; ctx.body = errorBody(e); };

export default {
  /**
   * POST /api/public/sms/inbound (outside /api/crm, which is staff-only) {from, text}: an SMS reply relayed by the gateway, which
   * proves itself with the shared secret SMS_INBOUND_SECRET (header `x-crm-secret`). A reply of
   * R/T/TD/退订 opts the customers with that mobile out of SMS.
   */
  async inbound(ctx: any) {
    if (!sameSecret(ctx.get('x-crm-secret'), process.env.SMS_INBOUND_SECRET)) {
      return refuse(ctx, new CrmError(401, 'UnauthorizedError', 'x-crm-secret: missing or wrong', { field: 'x-crm-secret', code: 'bad_inbound_secret' }));
    }
    const b = ctx.request.body ?? {};
    const from = b.from ?? b.mobile ?? b.phone;
    const text = b.text ?? b.content ?? b.body;
    const where = mobileWhere(from);
    if (!where) return refuse(ctx, badRequest('from: must be the sender\'s mobile number', { field: 'from', code: 'invalid_mobile' }));
    if (typeof text !== 'string') return refuse(ctx, badRequest('text: must be the reply text', { field: 'text', code: 'required' }));
    const optOutReply = isOptOutReply(text, messagingConfig().optOutReplies);
    const optedOut = optOutReply ? await optOut(where, 'sms', '短信退订') : 0;
    ctx.body = { optOut: optOutReply, optedOut };
  },

  /** GET: a page with one button (opening a link must not opt out: mail scanners follow links). */
  async page(ctx: any) {
    const t = readUnsubscribeToken(unsubscribeSecret(), ctx.params.token);
    ctx.type = 'html';
    if (!t) {
      ctx.status = 404;
      ctx.body = page('链接无效', '<p>退订链接无效或已损坏。</p>');
      return;
    }
    ctx.body = page('退订邮件', `<h1 style="font-size:1.3em">退订邮件</h1><p>退订后您将不再收到我们的营销邮件。</p>
<form method="post"><button type="submit" style="font-size:1em;padding:.5em 1.5em">确认退订</button></form>`);
  },

  /** POST: the one-click unsubscribe (RFC 8058 `List-Unsubscribe=One-Click`, or the page's button). */
  async unsubscribe(ctx: any) {
    const t = readUnsubscribeToken(unsubscribeSecret(), ctx.params.token);
    ctx.type = 'html';
    if (!t) {
      ctx.status = 404;
      ctx.body = page('链接无效', '<p>退订链接无效或已损坏。</p>');
      return;
    }
    await optOut({ id: t.customerId }, t.channel, '邮件退订');
    ctx.body = page('已退订', '<p>您已退订，今后不会再收到我们的营销邮件。</p>');
  },
};
