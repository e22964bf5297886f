// One interface for every way a message leaves: dispatch knows nothing of SMTP or SMS gateways.
export interface OutMessage {
  id: number;
  channel: 'email' | 'sms' | 'wecom' | 'dingtalk' | 'inapp' | 'webhook';
  to: string | null;
  subject: string | null;
  body: string | null;
  staffId: number | null;
  customerId?: number | null;
  purpose?: string | null;
  linkResource: string | null;
  linkId: number | null;
}

export interface Channel {
  /** Sends or throws; answers the provider's id for the message. */
  send(msg: OutMessage): Promise<{ providerId: string; code?: number }>;
}

/** A refused send whose answer had a status code (a webhook receiver's 500): kept in the attempt log. */
export class SendError extends Error {
  constructor(message: string, readonly code?: number) { super(message); }
}

/** The provider is not set up here: the message is skipped, not retried. */
export class NotConfigured extends Error {}
