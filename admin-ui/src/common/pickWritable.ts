import type { RaRecord } from 'react-admin';

/**
 * Keeps only the fields a create or an edit may send (the rest — `actions`, computed
 * flags, timestamps — is the server's). Empty strings travel as null, text trimmed.
 * `version` is sent back unchanged so that a stale edit is refused (409).
 */
export const pickFields =
  <T extends RaRecord>(fields: readonly string[]) =>
  (data: Partial<T>): Partial<T> => {
    const out: Record<string, unknown> = {};
    for (const field of [...fields, 'version']) {
      if (field in data) {
        const value = (data as Record<string, unknown>)[field];
        out[field] = typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : (value ?? null);
      }
    }
    return out as Partial<T>;
  };
