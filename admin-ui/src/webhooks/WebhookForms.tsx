import { Create, Edit, SimpleForm, useCreatePath } from 'react-admin';
import { useNavigate } from 'react-router-dom';

import { pickFields } from '../common/pickWritable';
import { WEBHOOK_FIELDS, WebhookInputs } from './WebhookInputs';

const transform = pickFields(WEBHOOK_FIELDS);

/** After create, the show page gets the secret in the navigation state: shown there this once. */
export const WebhookCreate = () => {
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const onSuccess = (data: { id: number; secret?: string }) =>
    navigate(createPath({ resource: 'webhook-subscriptions', id: data.id, type: 'show' }), { state: { secret: data.secret } });
  return (
    <Create transform={transform} mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={{ active: true, events: [] }}>
        <WebhookInputs />
      </SimpleForm>
    </Create>
  );
};

export const WebhookEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" transform={transform}>
    <SimpleForm>
      <WebhookInputs />
    </SimpleForm>
  </Edit>
);
