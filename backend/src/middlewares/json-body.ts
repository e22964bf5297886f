// Body parser failures are the client's mistake: answer in Strapi's JSON shape, naming the body.
// A malformed (or absurdly nested: the parser runs out of stack) body is 400, an oversized one 413.
const answer = (ctx: any, status: number, name: string, message: string, code: string, extra: Record<string, unknown> = {}) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: { field: 'body', code, ...extra } } };
};

export default () => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (e: any) {
    if (e?.status === 413 || e?.type === 'entity.too.large') {
      return answer(ctx, 413, 'PayloadTooLargeError', `body: is larger than ${e?.limit ?? 'the limit'} bytes`, 'body_too_large', { limit: e?.limit });
    }
    const fromParser = e instanceof SyntaxError || e?.type === 'entity.parse.failed' || e?.name === 'SyntaxError'
      || (e instanceof RangeError && !ctx.state?.bodyParsed);
    if (!fromParser) throw e;
    answer(ctx, 400, 'ValidationError', 'body: is not valid JSON', 'invalid_json');
  }
};
