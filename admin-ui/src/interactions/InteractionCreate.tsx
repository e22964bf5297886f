import { Create, SimpleForm } from 'react-admin';

import { useAfterSaveRedirect } from '../common/useAfterSaveRedirect';
import { pickCreatable, type Interaction } from './interaction';
import { InteractionInputs } from './InteractionInputs';

/** A new follow-up: planned for tomorrow at 10:00 by default, by phone. */
const defaults = () => {
  const start = new Date();
  start.setDate(start.getDate() + 1);
  start.setHours(10, 0, 0, 0);
  return { state: 'planned', kind: 'phone', priority: 'normal', start: start.toISOString() };
};

export const InteractionCreate = () => {
  const redirect = useAfterSaveRedirect('interactions');
  return (
    <Create<Interaction> redirect={redirect} transform={pickCreatable}>
      <SimpleForm defaultValues={defaults}>
        <InteractionInputs creating />
      </SimpleForm>
    </Create>
  );
};

export default InteractionCreate;
