// A malformed JSON body is the client's mistake: answer 400 naming the body, in Strapi's shape.
export default () => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (e: any) {
    const fromParser = e instanceof SyntaxError || e?.type === 'entity.parse.failed' || e?.name === 'SyntaxError';
    if (!fromParser) throw e;
    ctx.status = 400;
    ctx.body = {
      data: null,
      error: { status: 400, name: 'ValidationError', message: 'body: is not valid JSON', details: { field: 'body' } },
    };
  }
};
