import type { TranslateFunction } from 'react-admin';

/** The parts of Strapi's error body (`{error: {status, name, message, details}}`) the UI reads. */
interface ErrorDetails {
  /** machine-readable refusal: `crm.errors.codes.<code>` renders it, with the other details as parameters */
  code?: unknown;
  status?: unknown;
  action?: unknown;
  allowed?: unknown;
  field?: unknown;
  version?: unknown;
  /** staff deactivation: open records left, per resource */
  open?: unknown;
  [key: string]: unknown;
}

interface ErrorLike {
  status?: number;
  message?: string;
  body?: { error?: { name?: string; message?: string; details?: ErrorDetails } } | null;
}

const asErrorLike = (error: unknown): ErrorLike =>
  typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };

/** The server's own message (English for developers), or react-admin's generic one. */
export const serverMessage = (error: unknown): string => {
  const e = asErrorLike(error);
  return e.body?.error?.message || e.message || 'ra.notification.http_error';
};

/** `/api/crm/<resource>/…` → `<resource>` (to label the field a refusal names). */
export const resourceOfUrl = (url: string): string | undefined => /\/api\/crm\/([a-z-]+)/.exec(url)?.[1];

/** A field's label in the UI language: `resources.<resource>.fields.<field>`, else any resource's. */
const fieldLabel = (field: string, translate: TranslateFunction, resource?: string): string => {
  const generic = translate(`crm.field_names.${field}`, { _: field });
  return resource ? translate(`resources.${resource}.fields.${field}`, { _: generic }) : generic;
};

/**
 * A refusal with a code (`details.code`), in the UI language; `undefined` when it has no code
 * or the catalog lacks it (a unit test makes sure every server code has a text).
 */
export const describeCode = (details: ErrorDetails | undefined, translate: TranslateFunction, resource?: string): string | undefined => {
  if (!details || typeof details.code !== 'string') return undefined;
  const key = `crm.errors.codes.${details.code}`;
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  if (typeof details.field === 'string') params.field = fieldLabel(details.field, translate, resource);
  const text = translate(key, { ...params, _: '' });
  return text && text !== key ? text : undefined;
};

/**
 * A refused action or save, in the UI language: a coded refusal (`crm.errors.codes.*`), a stale
 * version ("someone else changed this record"), a transition the record's state does not allow
 * (409 with `details: {status, action, allowed}`), else a generic text for the status — never
 * the server's English.
 */
export const describeError = (error: unknown, translate: TranslateFunction, resource?: string): string => {
  const e = asErrorLike(error);
  const body = e.body?.error;
  const details = body?.details ?? {};
  const message = serverMessage(error);
  if (e.status === 409) {
    if (details.open && typeof details.open === 'object') {
      const records = Object.entries(details.open as Record<string, unknown>)
        .filter(([, n]) => typeof n === 'number' && n > 0)
        .map(([name, n]) => `${translate(`resources.${name}.name`, { smart_count: 2, _: name })} ${String(n)}`)
        .join('、');
      return translate('crm.errors.open_records', { records });
    }
    if ('version' in details || details.code === 'version_conflict') return translate('crm.errors.stale');
    if (typeof details.action === 'string' && typeof details.status === 'string') {
      const action = translate(`crm.actions.${resource ?? 'generic'}.${details.action}`, {
        _: translate(`crm.actions.generic.${details.action}`, { _: details.action }),
      });
      const status = translate(`crm.status.${resource ?? 'generic'}.${details.status}`, { _: details.status });
      return translate('crm.errors.transition', { status, action });
    }
  }
  const coded = describeCode(details, translate, resource);
  if (coded) return coded;
  if (e.status === 409) return translate('crm.errors.conflict');
  if (e.status === 403) return translate('crm.errors.forbidden');
  if (e.status === 404) return translate('crm.errors.not_found');
  if (e.status === 400 && typeof details.field === 'string') {
    return translate('crm.errors.codes.invalid', { field: fieldLabel(details.field, translate, resource) });
  }
  if (e.status && e.status >= 400 && e.status < 500 && body) return translate('crm.errors.conflict');
  return message;
};
