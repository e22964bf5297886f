import { ReferenceField, TextField, type ReferenceFieldProps } from 'react-admin';

/** A customer id shown as the customer's name, linking to the customer. */
export const CustomerReferenceField = (props: Omit<ReferenceFieldProps, 'reference' | 'children'>) => (
  <ReferenceField reference="customers" link="show" {...props}>
    <TextField source="name" />
  </ReferenceField>
);

/** An opportunity id shown as its name, linking to it. */
export const OpportunityReferenceField = (props: Omit<ReferenceFieldProps, 'reference' | 'children'>) => (
  <ReferenceField reference="opportunities" link="show" {...props}>
    <TextField source="name" />
  </ReferenceField>
);

/** A lead id shown as its subject, linking to it. */
export const LeadReferenceField = (props: Omit<ReferenceFieldProps, 'reference' | 'children'>) => (
  <ReferenceField reference="leads" link="show" {...props}>
    <TextField source="subject" />
  </ReferenceField>
);

/** A stage id shown as the stage's name. */
export const StageReferenceField = (props: Omit<ReferenceFieldProps, 'reference' | 'children'>) => (
  <ReferenceField reference="stages" link={false} {...props}>
    <TextField source="name" />
  </ReferenceField>
);
