// The in-app channel is the notification row itself (the bell).
import type { Channel } from './types';
import { NotConfigured } from './types';

export const inapp: Channel = {
  async send(msg) {
    if (!msg.staffId) throw new NotConfigured('in-app messages go to staff');
    const doc: any = await strapi.documents('api::notification.notification' as any).create({
      data: {
        title: msg.subject ?? '', body: msg.body, recipient: { set: [{ id: msg.staffId }] },
        linkResource: msg.linkResource, linkId: msg.linkId,
      },
    } as any);
    return { providerId: `notification:${doc.id}` };
  },
};
