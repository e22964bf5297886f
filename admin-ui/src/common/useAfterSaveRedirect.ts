import { usePermissions, type RedirectionSideEffect } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';

/** After a save: the record's page if the role may see it, else the list, else stay. */
export const useAfterSaveRedirect = (resource: string): RedirectionSideEffect => {
  const { permissions } = usePermissions<Me>();
  if (canDo(permissions, resource, 'show')) return 'show';
  if (canDo(permissions, resource, 'list')) return 'list';
  return 'edit';
};
