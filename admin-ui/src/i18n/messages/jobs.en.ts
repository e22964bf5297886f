/** English texts of the notifications (the bell), job runs and holidays. */
export const jobsResourcesEn = {
  notifications: {
    name: 'Notification |||| Notifications',
    fields: { id: 'ID', q: 'Search', title: 'Title', body: 'Message', read: 'Read', readAt: 'Read at', createdAt: 'Received at', linkResource: 'About' },
  },
  'job-runs': {
    name: 'Job run |||| Job runs',
    fields: { id: 'ID', q: 'Search', job: 'Job', slot: 'Slot', trigger: 'Trigger', startedAt: 'Started', finishedAt: 'Finished', counts: 'Counts', error: 'Error', instance: 'Instance' },
  },
  messages: {
    name: 'Message |||| Messages',
    fields: { id: 'ID', q: 'Search', createdAt: 'Queued at', channel: 'Channel', purpose: 'Purpose', subject: 'Subject', body: 'Message', status: 'Status', sentAt: 'Sent at', to: 'To' },
  },
  campaigns: {
    name: 'Campaign |||| Campaigns',
    fields: {
      id: 'ID', q: 'Search', name: 'Name', channel: 'Channel', subject: 'Email subject', template: 'Message template', sendAt: 'Send at',
      status: 'Status', counts: 'Counts', filter: 'Customers', skipped: 'Skipped', createdAt: 'Created', author: 'Created by',
    },
  },
  holidays: {
    name: 'Holiday |||| Holidays',
    fields: { id: 'ID', q: 'Search', date: 'Date', name: 'Name', kind: 'Kind', greeting: 'Greeting template', active: 'Active' },
  },
};

export const jobsUiEn = {
  notifications: {
    bell: 'Notifications (%{count} unread)',
    mark_read: 'Mark read',
    marked: 'Marked read',
    unread_only: 'Unread only',
  },
  jobs: {
    names: { 'reminders': 'Follow-up reminders', 'greetings': 'Greetings', 'pool-return': 'Return to pool', 'assignment-deadline': 'Assignment deadline', 'return-visits': 'Return visits', 'complaint-deadlines': 'Complaint deadlines', 'campaigns': 'Campaigns', 'dispatch': 'Send messages' },
    triggers: { 'schedule': 'Scheduled', 'manual': 'Run now' },
    counts: { 'leads': 'leads', 'queued': 'queued', 'duplicates': 'already queued', 'greetings': 'greetings', 'returned': 'returned', 'failed': 'failed', 'digests': 'digests', 'due': 'due', 'lost': 'lost lease', 'sent': 'sent', 'wait': 'waiting', 'retry': 'to retry', 'skipped': 'skipped', 'late': 'late', 'campaigns': 'campaigns' },
    run_now: 'Run now',
    ran: 'Job finished',
  },
  messages: {
    channels: { sms: 'SMS', email: 'Email', wecom: 'WeCom', dingtalk: 'DingTalk', inapp: 'In-app', webhook: 'Webhook' },
    purposes: { reminder: 'Reminder', greeting: 'Greeting', campaign: 'Campaign', notification: 'Notification', webhook: 'Webhook' },
    statuses: { queued: 'Queued', sent: 'Sent', failed: 'Failed', skipped: 'Skipped' },
  },
  campaigns: {
    template_help: 'Placeholders: {{name}} the customer, {{salutation}} name with 先生/女士, {{custom_<field key>}} a custom field',
    filter_help: 'Which customers get it (all fields empty: every customer you can see)',
    custom_filter: 'Custom field: %{label}',
    preview_title: 'Who gets it',
    recipients: '%{recipients} of %{total} customers get it; %{skipped} skipped',
    sample: 'Sample message',
    quiet: 'Quiet hours at the send time: SMS go out at %{time}',
    skipped_title: 'Skipped customers',
    counts_title: 'Delivery',
    reasons: { opt_out: 'opted out', no_mobile: 'no mobile', no_email: 'no email', no_address: 'no address', no_channel: 'channel not set up' },
    counts: { audience: 'selected', queued: 'queued', pending: 'waiting', sent: 'sent', failed: 'failed', skipped: 'skipped' },
    channels: { sms: 'SMS', email: 'Email' },
  },
  holidays: {
    greeting_help: 'Optional. {{name}} is the customer, {{festival}} the holiday; empty: the standard greeting',
    kinds: { lunar: 'Lunar festival', statutory: 'Statutory holiday', custom: 'Own' },
  },
};
