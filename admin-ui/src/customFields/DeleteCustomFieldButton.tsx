import { useState } from 'react';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { Button, Confirm, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate } from 'react-admin';

import { API_URL, authFetchJson } from '../auth/session';
import { describeError } from '../common/errors';
import type { CustomField } from '../common/custom';

interface Values {
  entity: string;
  key: string;
  count: number;
  values: Record<string, unknown>;
}

/** Saves the field's values (record id → value) as a JSON file, before they are deleted. */
const download = (field: CustomField, values: Values) => {
  const blob = new Blob([JSON.stringify(values, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `custom-field-${field.entity}-${field.key}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
};

/**
 * Deleting a custom field: the admin first sees how many records hold a value of it; on
 * confirmation the values are downloaded, then the field is deleted (`?confirm=true`), which
 * removes them. Deactivating the field instead keeps them.
 */
export const DeleteCustomFieldButton = () => {
  const field = useRecordContext<CustomField>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [values, setValues] = useState<Values | null>(null);
  const [busy, setBusy] = useState(false);
  if (!field) return null;
  const url = `${API_URL}/crm/custom-fields/${encodeURIComponent(String(field.id))}`;

  const open = async () => {
    setBusy(true);
    try {
      const { json } = await authFetchJson(`${url}/values`);
      setValues(json as Values);
    } catch (e) {
      notify(describeError(e, translate, 'custom-fields'), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!values) return;
    setBusy(true);
    try {
      if (values.count) download(field, values);
      await authFetchJson(`${url}?confirm=true`, { method: 'DELETE' });
      refresh();
      notify(values.count ? 'crm.custom.delete_exported' : 'ra.notification.deleted', { type: 'info', messageArgs: { smart_count: 1 } });
      redirect('list', 'custom-fields');
    } catch (e) {
      notify(describeError(e, translate, 'custom-fields'), { type: 'error' });
    } finally {
      setBusy(false);
      setValues(null);
    }
  };
  return (
    <>
      <Button label="ra.action.delete" color="error" onClick={open} disabled={busy} data-testid="delete-custom-field">
        <DeleteOutlinedIcon />
      </Button>
      <Confirm
        isOpen={values !== null}
        loading={busy}
        title={translate('crm.custom.delete_confirm_title', { name: field.label })}
        content={values?.count ? translate('crm.custom.delete_confirm_content', { count: values.count }) : translate('ra.message.delete_content')}
        onConfirm={confirm}
        onClose={() => setValues(null)}
      />
    </>
  );
};
