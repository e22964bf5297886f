import { usePermissions, type RedirectionSideEffect } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';

/** After a save: the lead's page if the role may see it, else the list, else stay. */
export const useAfterSaveRedirect = (): RedirectionSideEffect => {
  const { permissions } = usePermissions<Me>();
  if (canDo(permissions, 'leads', 'show')) return 'show';
  if (canDo(permissions, 'leads', 'list')) return 'list';
  return 'edit';
};
