/** English names and field labels of the organisation and configuration resources. */
export const configEn = {
  stages: {
    name: 'Stage |||| Stages',
    fields: { id: 'ID', name: 'Name', order: 'Order', probability: 'Probability (%)', active: 'Active' },
  },
  levels: {
    name: 'Level |||| Levels',
    fields: {
      id: 'ID',
      code: 'Code',
      label: 'Label',
      color: 'Colour',
      followUpDays: 'Follow-up interval (days)',
      order: 'Order',
      active: 'Active',
    },
  },
  sources: {
    name: 'Source |||| Sources',
    fields: { id: 'ID', name: 'Name', order: 'Order', active: 'Active' },
  },
  'close-reasons': {
    name: 'Close reason |||| Close reasons',
    fields: { id: 'ID', name: 'Reason', kind: 'Used for', order: 'Order', active: 'Active' },
  },
  settings: {
    name: 'Setting |||| Settings',
    fields: { id: 'ID', key: 'Key', value: 'Value', description: 'Description' },
  },
  departments: {
    name: 'Department |||| Departments',
    fields: { id: 'ID', q: 'Search', name: 'Name', parent: 'Parent department', order: 'Order', robotKind: 'Group robot', robotWebhook: 'Robot webhook URL', robotSecret: 'Robot signing secret' },
    robotKinds: { wecom: 'WeCom group robot', dingtalk: 'DingTalk group robot' },
    robotSecretHelp: 'DingTalk only: the signing secret (SEC…) when the robot signs its calls',
  },
  staff: {
    name: 'Staff member |||| Staff',
    fields: {
      id: 'ID',
      q: 'Search',
      username: 'Username',
      displayName: 'Name',
      mobile: 'Mobile',
      email: 'Email',
      role: 'Role',
      department: 'Department',
      supervisor: 'Supervisor',
      active: 'Active',
      password: 'Password',
      createdAt: 'Created at',
    },
  },
  'complaint-categories': {
    name: 'Complaint category |||| Complaint categories',
    fields: { id: 'ID', name: 'Name', order: 'Order', active: 'Active' },
  },
};
