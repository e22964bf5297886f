import { Create, Edit, SimpleForm } from 'react-admin';

import { pickFields } from '../common/pickWritable';
import { CAMPAIGN_FIELDS, CampaignInputs } from './CampaignInputs';

const transform = pickFields(CAMPAIGN_FIELDS);

export const CampaignCreate = () => (
  <Create redirect="show" transform={transform}>
    <SimpleForm defaultValues={{ channel: 'sms', filter: {} }}>
      <CampaignInputs />
    </SimpleForm>
  </Create>
);

export const CampaignEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" transform={transform}>
    <SimpleForm>
      <CampaignInputs />
    </SimpleForm>
  </Edit>
);
