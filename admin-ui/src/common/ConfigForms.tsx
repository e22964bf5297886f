import type { ReactNode } from 'react';
import { Create, DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, usePermissions, useResourceContext, type RaRecord } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { MergeButton } from './MergeButton';

import { pickFields } from './pickWritable';

/** Save, and for configuration records name: merge into another entry beside delete (refused while in use). */
const ConfigToolbar = () => {
  const { permissions } = usePermissions<Me>();
  const resource = useResourceContext() ?? '';
  return (
    <Toolbar sx={{ gap: 1 }}>
      <SaveButton />
      <span style={{ flex: 1 }} />
      <MergeButton />
      {canDo(permissions, resource, 'delete') ? <DeleteButton mutationMode="pessimistic" /> : null}
    </Toolbar>
  );
};

/** Edit form of a configuration record: saved at once, back to the list. */
export const ConfigEdit = ({ fields, children }: { fields: readonly string[]; children: ReactNode }) => (
  <Edit mutationMode="pessimistic" redirect="list" transform={pickFields<RaRecord>(fields)}>
    <SimpleForm toolbar={<ConfigToolbar />}>{children}</SimpleForm>
  </Edit>
);

/** Create form of a configuration record. */
export const ConfigCreate = ({
  fields,
  children,
  defaults,
}: {
  fields: readonly string[];
  children: ReactNode;
  defaults?: Record<string, unknown>;
}) => (
  <Create redirect="list" transform={pickFields<RaRecord>(fields)}>
    <SimpleForm defaultValues={defaults}>{children}</SimpleForm>
  </Create>
);
