import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, usePermissions, useResourceContext } from 'react-admin';
import { Link } from 'react-router-dom';

import { canDo, type Me } from '../auth/permissions';
import { isImportable } from './importable';

/** 导入: the list toolbar's link to the import page, for who may create the resource's records. */
export const ImportButton = () => {
  const resource = useResourceContext();
  const { permissions } = usePermissions<Me>();
  if (!resource || !isImportable(resource) || !canDo(permissions, resource, 'create')) return null;
  return (
    <Button component={Link} to={`/import/${resource}`} label="crm.import.button">
      <UploadFileIcon />
    </Button>
  );
};
