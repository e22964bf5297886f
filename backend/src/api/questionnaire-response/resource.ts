import type { ResourceDef } from '../../crm/resource';
import { responseRule } from './rules';

const response: ResourceDef = {
  name: 'questionnaire-responses',
  uid: 'api::questionnaire-response.questionnaire-response',
  audited: true,
  rule: responseRule,
  // per-question counts (GET /api/crm/questionnaire-results/:id) and the CSV export, both scoped
  handlers: { results: 'results', exportCsv: 'list' },
  viaAction: ['creator', 'channel'],
  search: ['respondentName'],
  defaultSort: ['createdAt', 'DESC'],
  creator: 'creator',
};
export default response;
