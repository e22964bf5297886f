import type { Channel, OutMessage } from './types';
import { email } from './email';
import { sms } from './sms';
import { inapp } from './inapp';
import { dingtalk, wecom } from './robot';
import { webhook } from './webhook';

const CHANNELS: Record<OutMessage['channel'], Channel> = { email, sms, inapp, wecom, dingtalk, webhook };

/** Tests swap a channel for a failing one. */
export function channelFor(name: OutMessage['channel']): Channel {
  return overrides[name] ?? CHANNELS[name];
}
export const overrides: Partial<Record<OutMessage['channel'], Channel>> = {};
