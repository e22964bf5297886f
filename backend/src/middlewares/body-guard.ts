// Runs right after strapi::body: a parsed request body (and the JSON `filter` / `sort` query
// parameters) nested deeper than any CRM payload needs is refused with 400 before a handler,
// a sanitizer or the database recurses through it.
import { jsonDepthExceeds, MAX_BODY_DEPTH } from '../crm/security/json-limits';

const refuse = (ctx: any, field: string) => {
  ctx.status = 400;
  ctx.body = {
    data: null,
    error: {
      status: 400, name: 'ValidationError', message: `${field}: is nested deeper than ${MAX_BODY_DEPTH} levels`,
      details: { field, code: 'json_too_deep', max: MAX_BODY_DEPTH },
    },
  };
};

export default () => async (ctx: any, next: () => Promise<void>) => {
  ctx.state.bodyParsed = true;
  if (jsonDepthExceeds(ctx.request.body, MAX_BODY_DEPTH)) return refuse(ctx, 'body');
  for (const param of ['filter', 'sort', 'range']) {
    const raw = ctx.query?.[param];
    // Counting brackets is enough here: the exact parse (and its 400s) stays in list-query.ts.
    if (typeof raw === 'string' && bracketDepth(raw) > MAX_BODY_DEPTH) return refuse(ctx, param);
  }
  await next();
};

function bracketDepth(s: string): number {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
}
