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
    names: { 'reminders': 'Follow-up reminders', 'greetings': 'Greetings', 'pool-return': 'Return to pool', 'assignment-deadline': 'Assignment deadline', 'return-visits': 'Return visits', 'complaint-deadlines': 'Complaint deadlines', 'dispatch': 'Send messages' },
    triggers: { 'schedule': 'Scheduled', 'manual': 'Run now' },
    counts: { 'leads': 'leads', 'queued': 'queued', 'duplicates': 'already queued', 'greetings': 'greetings', 'returned': 'returned', 'failed': 'failed', 'digests': 'digests', 'due': 'due', 'lost': 'lost lease', 'sent': 'sent', 'wait': 'waiting', 'retry': 'to retry', 'skipped': 'skipped', 'late': 'late' },
    run_now: 'Run now',
    ran: 'Job finished',
  },
  holidays: {
    greeting_help: 'Optional. {{name}} is the customer, {{festival}} the holiday; empty: the standard greeting',
    kinds: { lunar: 'Lunar festival', statutory: 'Statutory holiday', custom: 'Own' },
  },
};
