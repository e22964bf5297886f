import { ReferenceField, TextField, type ReferenceFieldProps } from 'react-admin';

/** A staff id shown as the staff member's display name (resource `staff`). */
export const StaffReferenceField = (props: Omit<ReferenceFieldProps, 'reference' | 'children'>) => (
  <ReferenceField reference="staff" link={false} {...props}>
    <TextField source="displayName" />
  </ReferenceField>
);
