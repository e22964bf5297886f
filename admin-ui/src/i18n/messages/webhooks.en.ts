/** English texts of the outgoing webhooks (integrations). */
export const webhooksResourcesEn = {
  'webhook-subscriptions': {
    name: 'Webhook |||| Webhooks',
    fields: {
      id: 'ID', q: 'Search', name: 'Name', url: 'URL', events: 'Events', active: 'Active', description: 'Description',
      secret: 'Signing secret', createdAt: 'Created', updatedAt: 'Updated',
    },
  },
};

export const webhooksUiEn = {
  webhooks: {
    events: {
      'lead.created': 'Lead created', 'lead.converted': 'Lead converted', 'opportunity.won': 'Opportunity won',
      'opportunity.lost': 'Opportunity lost', 'complaint.opened': 'Complaint opened', 'complaint.closed': 'Complaint closed',
    },
    url_help: 'The http(s) address the events are POSTed to',
    secret_title: 'Signing secret',
    secret_once: 'Copy it now: it is shown only this once. The receiver checks X-CRM-Signature with it.',
    deliveries: 'Deliveries',
    no_deliveries: 'No deliveries yet',
    delivery: 'Delivery',
    event: 'Event',
    queued_at: 'Queued',
    attempts: 'Attempts',
    next_retry: 'Next retry',
    response: 'Answer',
    error: 'Error',
    outcome: { sent: 'Delivered', retry: 'Failed, to retry', failed: 'Failed' },
    redeliver: 'Send again',
    redelivered: 'Queued again: sent at the next dispatch',
    header_help: 'Each POST carries X-CRM-Event, X-CRM-Delivery, X-CRM-Timestamp and X-CRM-Signature (sha256 HMAC of "timestamp.body")',
  },
};
