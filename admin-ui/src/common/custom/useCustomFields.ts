import { useGetList, useLocale, usePermissions, type RaRecord } from 'react-admin';

import { canDo, type Me } from '../../auth/permissions';

export const CUSTOM_TYPES = ['text', 'number', 'date', 'select', 'multiselect', 'boolean'] as const;
export type CustomType = (typeof CUSTOM_TYPES)[number];
export const CUSTOM_ENTITIES = ['lead', 'customer', 'opportunity', 'interaction', 'complaint'] as const;
export type CustomEntity = (typeof CUSTOM_ENTITIES)[number];

/** A custom field definition as `/api/crm/custom-fields` sends it (an admin adds them at run time). */
export interface CustomField extends RaRecord {
  entity: CustomEntity;
  key: string;
  label: string;
  labelEn: string | null;
  type: CustomType;
  options: string[] | null;
  required: boolean;
  filterable: boolean;
  showInList: boolean;
  order: number;
  active: boolean;
}

const ALL = { page: 1, perPage: 500 };
const BY_ORDER = { field: 'order', order: 'ASC' as const };
/**
 * Definitions change at run time (no rebuild, no restart): every component shares one cached
 * read of all of them (react-query dedupes the concurrent ones), shown at once and revalidated
 * whenever a form, page or list mounts, so a field an admin just added shows on the next page.
 */
const STALE = 0;

/** The active custom fields of record kind `entity`, in order (none when the role may not list them). */
export const useCustomFields = (entity: CustomEntity) => {
  const { permissions } = usePermissions<Me>();
  const enabled = canDo(permissions, 'custom-fields', 'list');
  const { data } = useGetList<CustomField>('custom-fields', { pagination: ALL, sort: BY_ORDER, filter: {} }, { enabled, staleTime: STALE });
  return (data ?? []).filter(f => f.entity === entity && f.active !== false);
};

/** The field's label in the UI language (the Chinese one when it has no English label). */
export const useFieldLabel = () => {
  const locale = useLocale();
  return (f: Pick<CustomField, 'label' | 'labelEn'>) => (locale === 'en' && f.labelEn ? f.labelEn : f.label);
};

export const customSource = (f: Pick<CustomField, 'key'>) => `custom.${f.key}`;
