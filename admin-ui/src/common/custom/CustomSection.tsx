import { Labeled } from 'react-admin';

import { Section } from '../Section';
import { CustomValue } from './CustomValue';
import { customSource, useCustomFields, useFieldLabel, type CustomEntity } from './useCustomFields';

/** The record's custom values on its Show page (active fields only; a deactivated one's value stays stored). */
export const CustomSection = ({ entity }: { entity: CustomEntity }) => {
  const fields = useCustomFields(entity);
  const labelOf = useFieldLabel();
  if (!fields.length) return null;
  return (
    <Section title="crm.custom.section">
      {fields.map(f => (
        <Labeled key={f.key} label={labelOf(f)} source={customSource(f)}>
          <CustomValue field={f} />
        </Labeled>
      ))}
    </Section>
  );
};
