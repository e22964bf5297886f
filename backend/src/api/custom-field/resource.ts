import type { ResourceDef } from '../../crm/resource';
import { customFieldRule } from './rules';

// Field definitions an admin adds at run time (low-code): every writer of the record kind is
// checked against them (crm/custom-values.ts), lists filter and sort on the filterable ones.
const customField: ResourceDef = {
  name: 'custom-fields',
  uid: 'api::custom-field.custom-field',
  transfer: { match: ['entity', 'key'], fields: ['entity', 'key', 'label', 'labelEn', 'type', 'options', 'required', 'filterable', 'showInList', 'order', 'active'] },
  audited: true,
  versioned: true,
  rule: customFieldRule,
  search: ['key', 'label', 'labelEn'],
  // exporting every record's value of a field is for those who may delete it
  handlers: { values: 'delete' },
  defaultSort: ['order', 'ASC'],
};
export default customField;
