// HTTP errors in Strapi's JSON shape ({error: {status, name, message, details}}).
// They extend Strapi's ApplicationError so that a refusal raised under Strapi's own admin panel
// is still a clean 4xx there, not a 500. No server needed: rule modules and their unit tests throw them.
import { errors } from '@strapi/utils';

export class CrmError extends errors.ApplicationError {
  constructor(
    readonly status: number,
    name: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    (this as { name: string }).name = name;
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
  error: { status: e.status, name: e.name, message: e.message, details: e.details ?? {} },
});
