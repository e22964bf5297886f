import type { ReactNode } from 'react';
import { Create, Edit, SimpleForm, type RaRecord } from 'react-admin';

import { pickFields } from './pickWritable';

/** Edit form of a configuration record: saved at once, back to the list. */
export const ConfigEdit = ({ fields, children }: { fields: readonly string[]; children: ReactNode }) => (
  <Edit mutationMode="pessimistic" redirect="list" transform={pickFields<RaRecord>(fields)}>
    <SimpleForm>{children}</SimpleForm>
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
