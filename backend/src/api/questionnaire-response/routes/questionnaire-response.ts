import { crmRoutes } from '../../../crm/controller';

const route = (path: string, handler: string) => ({ method: 'GET', path, handler: `questionnaire-response.${handler}`, config: { policies: [] } });

export default {
  type: 'content-api',
  routes: [
    route('/crm/questionnaire-results/:id', 'results'),
    route('/crm/questionnaire-export/:id', 'exportCsv'),
    ...crmRoutes('questionnaire-responses'),
  ],
};
