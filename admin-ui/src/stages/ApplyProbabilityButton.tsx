import { useState } from 'react';
import { Alert, Stack } from '@mui/material';
import { Button, Confirm, useDataProvider, useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import type { CrmDataProvider } from '../dataProvider';
import { describeError } from '../common/errors';
import type { Stage } from '../common/useConfig';

/**
 * Saving a new probability leaves the stage's opportunities as they are; this applies the saved
 * one to the stage's open opportunities, when the admin asks for it.
 */
export const ApplyProbabilityButton = () => {
  const record = useRecordContext<Stage>();
  const { permissions } = usePermissions<Me>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const [open, setOpen] = useState(false);
  if (!record || !canDo(permissions, 'stages', 'apply-probability')) return null;
  const apply = async () => {
    setOpen(false);
    try {
      const { data } = await dataProvider.action<{ updated: number }>('stages', record.id, 'apply-probability');
      notify('crm.stage_probability.done', { type: 'info', messageArgs: { count: data.updated, probability: record.probability } });
    } catch (e) {
      notify(describeError(e, translate, 'stages'), { type: 'error' });
    }
  };
  return (
    <Stack spacing={1} sx={{ width: '100%', maxWidth: 600, mt: 1 }}>
      <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
        {translate('crm.stage_probability.hint')}
      </Alert>
      <div>
        <Button label="crm.stage_probability.button" variant="outlined" onClick={() => setOpen(true)} />
      </div>
      <Confirm
        isOpen={open}
        title="crm.stage_probability.button"
        content={translate('crm.stage_probability.confirm', { probability: record.probability })}
        onConfirm={apply}
        onClose={() => setOpen(false)}
      />
    </Stack>
  );
};
