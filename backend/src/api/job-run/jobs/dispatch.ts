// dispatch: claims due queued messages in batches and sends each through its channel.
import { setting } from '../../../crm/settings';
import { claim, deliver } from '../../message/outbox';
import type { JobContext } from '../scheduler';

const BATCH = 50;
const MAX_BATCHES = 20;

export async function dispatch({ now, tz }: JobContext) {
  const quiet = (await setting('quietHours')) as { from: string; to: string } | null;
  const cap = (await setting('hourlyCap')) as Record<string, number> | null;
  const counts: Record<string, number> = { sent: 0, failed: 0, skipped: 0, retry: 0, wait: 0, lost: 0 };
  for (let i = 0; i < MAX_BATCHES; i++) {
    const ids = await claim(BATCH, now);
    if (!ids.length) break;
    for (const id of ids) counts[await deliver(id, { now, tz, quiet, cap })]++;
  }
  return counts;
}
