import { useDataProvider, useTranslate } from 'react-admin';

import type { CrmDataProvider } from '../dataProvider';
import { useCrmQuery } from '../common/useCrmQuery';

/** The event catalog (the server's config/webhooks.json), labelled in the UI language. */
export const useWebhookEvents = () => {
  const dataProvider = useDataProvider<CrmDataProvider>();
  const translate = useTranslate();
  const { data } = useCrmQuery('webhook-events', () => dataProvider.webhookEvents().then((r) => r.data), true, 300_000);
  return (data ?? []).map((e) => ({ id: e.id, name: translate(`crm.webhooks.events.${e.id}`, { _: e.id }) }));
};

export const eventLabel = (translate: (k: string, o?: object) => string, id: string) => translate(`crm.webhooks.events.${id}`, { _: id });
