/** Low-code configuration: custom fields, roles, presets, configuration import/export. */
export const lowcodeResourcesEn = {
  'custom-fields': {
    name: 'Custom field |||| Custom fields',
    fields: {
      id: 'ID',
      q: 'Search',
      entity: 'Record kind',
      key: 'Key',
      label: 'Label (Chinese)',
      labelEn: 'Label (English)',
      type: 'Type',
      options: 'Options',
      required: 'Required',
      filterable: 'Filterable',
      showInList: 'Shown in list',
      order: 'Order',
      active: 'Active',
    },
  },
  roles: {
    name: 'Role |||| Roles',
    fields: { id: 'ID', q: 'Search', type: 'Code', name: 'Name', description: 'Description', grants: 'Permissions' },
  },
};

export const lowcodeUiEn = {
  custom: {
    section: 'More fields',
    entity: {
      lead: 'Lead',
      customer: 'Customer',
      opportunity: 'Opportunity',
      interaction: 'Follow-up',
      complaint: 'Complaint',
    },
    type: {
      text: 'Text',
      number: 'Number',
      date: 'Date',
      select: 'Single choice',
      multiselect: 'Multiple choice',
      boolean: 'Yes / no',
    },
    options_hint: 'One option per line (single and multiple choice only)',
    key_hint: 'Lowercase letters, digits and _; cannot change later',
    delete_confirm_title: 'Delete the field %{name}?',
    delete_confirm_content: '%{count} records hold a value of this field. Their values are downloaded as a JSON file first, then removed for good.',
    delete_exported: 'The values were downloaded before deleting',
  },
  role_editor: {
    resource_names: { messages: 'Outgoing messages' },
    crud: { read: 'Mark read', list: 'List', show: 'View', create: 'Create', edit: 'Edit', delete: 'Delete', assign: 'Assign', run: 'Run' },
    resource: 'Resource',
    actions: 'Actions',
    scope: 'Visibility',
    scopes: {
      all: 'Everyone’s',
      department: 'Their department’s',
      own: 'Their own',
      created: 'Those they created',
      record: 'Per record',
      none: 'None',
    },
  },
};
