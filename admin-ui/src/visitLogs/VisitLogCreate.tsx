import { Create, SimpleForm } from 'react-admin';

import { useAfterSaveRedirect } from '../common/useAfterSaveRedirect';
import { pickWritable, type VisitLog } from './visitLog';
import { VisitLogInputs } from './VisitLogInputs';

/** A new entry: a walk-in of one person, now. */
const defaults = () => ({ kind: 'walk-in', partySize: 1, contactLeft: false, visitedAt: new Date().toISOString() });

export const VisitLogCreate = () => {
  const redirect = useAfterSaveRedirect('visit-logs');
  return (
    <Create<VisitLog> redirect={redirect} transform={pickWritable}>
      <SimpleForm defaultValues={defaults}>
        <VisitLogInputs />
      </SimpleForm>
    </Create>
  );
};

export default VisitLogCreate;
