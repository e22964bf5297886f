import type { Identifier, RaRecord } from 'react-admin';

import { ROLES, type Role } from '../auth/permissions';
import { pickFields } from '../common/pickWritable';

/** A staff member as `/api/crm/staff` sends it. */
export interface Staff extends RaRecord {
  username: string;
  displayName: string;
  mobile?: string | null;
  role: Role | null;
  /** a department id (relations travel as ids), or `{id, name}` */
  department: Identifier | { id: Identifier; name: string } | null;
  supervisor?: Identifier | null;
  /** false once deactivated (cannot log in; open records handed over) */
  active?: boolean;
  /** deactivate / reactivate / reset-password, where the caller may */
  actions?: string[];
}

export const roleChoices = ROLES.map(id => ({ id, name: `crm.roles.${id}` }));

/** What an admin may change on an account (username and password have their own ways). */
export const STAFF_EDIT_FIELDS = ['displayName', 'mobile', 'role', 'department', 'supervisor'] as const;
export const pickEditable = pickFields<Staff>(STAFF_EDIT_FIELDS);
export const pickCreatable = pickFields<Staff>(['username', 'password', 'email', ...STAFF_EDIT_FIELDS]);
