// HTTP errors in Strapi's JSON shape ({error: {status, name, message, details}}).
// Pure: no Strapi imports, so rule modules and their unit tests can throw them.
export class CrmError extends Error {
  constructor(
    readonly status: number,
    readonly name: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details: Record<string, unknown> = {}) =>
  new CrmError(400, 'ValidationError', message, details);
export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  new CrmError(403, 'ForbiddenError', message, details);
export const notFound = (message = 'Not Found', details: Record<string, unknown> = {}) =>
  new CrmError(404, 'NotFoundError', message, details);
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new CrmError(409, 'ConflictError', message, details);

export const errorBody = (e: CrmError) => ({
  data: null,
  error: { status: e.status, name: e.name, message: e.message, details: e.details },
});
