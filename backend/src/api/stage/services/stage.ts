// Changing a stage's probability leaves the opportunities already in it as they are (their
// probability was the forecast when they got there); an admin who wants the new one applied to
// the open opportunities of the stage asks for it explicitly with this action.
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import type { Actor } from '../../../crm/access';
import { withWrite } from '../../../crm/write-context';

const OPPORTUNITY = 'api::opportunity.opportunity';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  actions: {
    /** `POST /stages/:id/apply-probability`: open opportunities in the stage take its probability. */
    'apply-probability': async (actor: Actor, id: unknown) => {
      const stage = await records('stages').get(actor, id, 'apply-probability');
      return strapi.db.transaction(() =>
        withWrite({ intent: 'apply-probability' }, async () => {
          const rows: any[] = await strapi.db.query(OPPORTUNITY as any).findMany({
            where: { stage: { id: stage.id }, opportunityStatus: 'open', probability: { $ne: stage.probability } },
            select: ['documentId'],
          });
          for (const r of rows) {
            await strapi.documents(OPPORTUNITY as any).update({ documentId: r.documentId, data: { probability: stage.probability } } as any);
          }
          return { updated: rows.length, stage };
        }),
      );
    },
  },
});
