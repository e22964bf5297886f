import type { TranslateFunction } from 'react-admin';

/** The parts of Strapi's error body (`{error: {status, name, message, details}}`) the UI reads. */
interface ErrorDetails {
  status?: unknown;
  action?: unknown;
  allowed?: unknown;
  field?: unknown;
  version?: unknown;
  /** staff deactivation: open records left, per resource */
  open?: unknown;
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

/**
 * A refused action or save, in the UI language: a stale version ("someone else changed
 * this record"), a transition the record's state does not allow (409 with
 * `details: {status, action, allowed}`), or the server's message as it is.
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
    if ('version' in details || /version|someone else|changed/i.test(message)) {
      return translate('crm.errors.stale');
    }
    if (typeof details.action === 'string' && typeof details.status === 'string') {
      const action = translate(`crm.actions.${resource ?? 'generic'}.${details.action}`, {
        _: translate(`crm.actions.generic.${details.action}`, { _: details.action }),
      });
      const status = translate(`crm.status.${resource ?? 'generic'}.${details.status}`, { _: details.status });
      return translate('crm.errors.transition', { status, action, detail: message });
    }
    return translate('crm.errors.conflict', { detail: message });
  }
  if (e.status === 403) return translate('crm.errors.forbidden', { detail: message });
  if (e.status === 404) return translate('crm.errors.not_found');
  if (e.status === 400 && typeof details.field === 'string' && resource) {
    const label = translate(`resources.${resource}.fields.${details.field}`, { _: details.field });
    const rest = message.startsWith(`${details.field}: `) ? message.slice(details.field.length + 2) : message;
    return translate('crm.errors.invalid', { field: label, detail: rest });
  }
  return message;
};
