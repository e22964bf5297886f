import { Create, SimpleForm } from 'react-admin';

import { fromWallClock, toWallClock } from '../common/dates';
import { useAfterSaveRedirect } from '../common/useAfterSaveRedirect';
import { pickCreatable, type Interaction } from './interaction';
import { InteractionInputs } from './InteractionInputs';

/** A new follow-up: planned for tomorrow at 10:00 by default, by phone. */
const defaults = () => {
  // tomorrow 10:00 on the CRM's clock (not the browser's)
  const wall = toWallClock(new Date());
  const start = fromWallClock(new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + 1, 10)));
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
