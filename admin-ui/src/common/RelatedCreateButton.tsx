import { Button } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { Link } from 'react-router-dom';
import { usePermissions, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';

/** "New follow-up" from a customer's page, etc.: the create form of `resource`, prefilled. */
export const RelatedCreateButton = ({
  resource,
  label,
  record,
}: {
  resource: string;
  label: string;
  record: Record<string, unknown>;
}) => {
  const { permissions } = usePermissions<Me>();
  const translate = useTranslate();
  if (!canDo(permissions, resource, 'create')) return null;
  return (
    <Button
      component={Link}
      to={`/${resource}/create`}
      state={{ record }}
      size="small"
      variant="outlined"
      startIcon={<AddIcon />}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {translate(label)}
    </Button>
  );
};
