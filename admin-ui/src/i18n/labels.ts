import type { TranslateFunction } from 'react-admin';

/** A role's label in the UI language (`crm.roles.*`); "—" for a staff member without a CRM role. */
export const roleLabel = (translate: TranslateFunction, role: unknown): string =>
  typeof role === 'string' && role !== '' ? translate(`crm.roles.${role}`, { _: role }) : '—';
