// Campaign actions: preview (who gets it, who is skipped and why, a sample), schedule, unschedule
// and cancel; each reads the campaign through the caller's scope, and the audience through its
// author's (audience.ts).
import { records } from '../../../crm/registry';
import { badRequest } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';
import { setting } from '../../../crm/settings';
import { render } from '../../message/template';
import { quietUntil } from '../../message/policy';
import { authorOf, forEachRecipient } from '../audience';
import { campaignMove, customerVars, SKIPPED_LISTED, type CampaignStatus } from '../transitions';


export default () => {
  const move = (actor: Actor, id: unknown, action: 'schedule' | 'unschedule' | 'cancel', data: (c: any) => Record<string, unknown> = () => ({})) =>
    records('campaigns').act(actor, id, action, (c) => ({ campaignStatus: campaignMove(c.status as CampaignStatus, action), ...data(c) }));

  const actions = {
    async preview(actor: Actor, id: unknown) {
      const { row, rec } = await records('campaigns').load(actor, id, 'preview', 'show');
      const author = await authorOf(row, actor);
      let recipients = 0;
      let total = 0;
      const reasons: Record<string, number> = {};
      const skipped: { customer: number; name: string; reason: string }[] = [];
      let sample: string | null = null;
      await forEachRecipient(author, rec.filter as any, rec.channel as any, async (c, skip) => {
        total++;
        if (skip) {
          reasons[skip] = (reasons[skip] ?? 0) + 1;
          if (skipped.length < SKIPPED_LISTED) skipped.push({ customer: c.id, name: c.name, reason: skip });
          return;
        }
        recipients++;
        sample ??= render(String(rec.template), customerVars(c));
      });
      // SMS wait out the quiet hours: a send time inside them goes out when they end
      const at = rec.sendAt ? new Date(String(rec.sendAt)) : new Date();
      const quiet = rec.channel === 'sms' ? quietUntil(at, (await setting('timezone')) as string, (await setting('quietHours')) as any) : null;
      return { campaign: rec.id, total, recipients, skippedCount: total - recipients, reasons, skipped, sample, quietUntil: quiet?.toISOString() ?? null };
    },
    schedule(actor: Actor, id: unknown, body: Record<string, any>) {
      return move(actor, id, 'schedule', (c) => {
        const sendAt = body.sendAt ?? c.sendAt;
        if (!sendAt || Number.isNaN(Date.parse(String(sendAt)))) {
          throw badRequest('sendAt: a send time is needed to schedule the campaign', { field: 'sendAt', code: 'required' });
        }
        return { sendAt: new Date(String(sendAt)).toISOString() };
      });
    },
    unschedule(actor: Actor, id: unknown) {
      return move(actor, id, 'unschedule');
    },
    cancel(actor: Actor, id: unknown) {
      return move(actor, id, 'cancel');
    },
  };
  return { actions };
};
