import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

import { configEn } from './messages/config.en';
import { lowcodeResourcesEn, lowcodeUiEn } from './messages/lowcode.en';
import { jobsResourcesEn, jobsUiEn } from './messages/jobs.en';
import { webhooksResourcesEn, webhooksUiEn } from './messages/webhooks.en';
import { recordsEn } from './messages/records.en';
import { uiEn } from './messages/ui.en';
import { valuesEn } from './messages/values.en';
import { workdayEn } from './messages/workday.en';
import { reportsEn } from './messages/reports.en';
import { questionnairesUiEn } from './messages/questionnaires.en';
import type { Catalog } from './types';

/**
 * Our own messages, in English. Their shape is the reference for `zh.ts`
 * (`DomainMessages`): a key added here and missing there fails `tsc`.
 * They live in `messages/` by area: record names and fields, configuration
 * names and fields, value words (statuses, kinds, actions), UI texts.
 */
export const enDomain = {
  resources: { ...recordsEn, ...configEn, ...jobsResourcesEn, ...lowcodeResourcesEn, ...webhooksResourcesEn },
  crm: { ...uiEn, ...valuesEn, ...workdayEn, ...reportsEn, ...jobsUiEn, ...lowcodeUiEn, ...questionnairesUiEn, ...webhooksUiEn },
};

export type DomainMessages = Catalog<typeof enDomain>;

const en: TranslationMessages = { ...englishMessages, ...enDomain };

export default en;
