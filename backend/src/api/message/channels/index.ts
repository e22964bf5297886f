import type { Channel, OutMessage } from './types';
import { NotConfigured } from './types';
import { email } from './email';
import { sms } from './sms';
import { inapp } from './inapp';

// WeCom / DingTalk group robots are per department and not configurable yet: such rows are skipped.
const none: Channel = { send: async () => { throw new NotConfigured('no robot URL configured'); } };

const CHANNELS: Record<OutMessage['channel'], Channel> = { email, sms, inapp, wecom: none, dingtalk: none };

/** Tests swap a channel for a failing one. */
export function channelFor(name: OutMessage['channel']): Channel {
  return overrides[name] ?? CHANNELS[name];
}
export const overrides: Partial<Record<OutMessage['channel'], Channel>> = {};
