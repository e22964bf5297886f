import type { ReactElement } from 'react';
import { DateInput, NullableBooleanInput, NumberInput, SelectInput, TextInput } from 'react-admin';

import { customSource, useCustomFields, useFieldLabel, type CustomEntity, type CustomField } from './useCustomFields';

const choicesOf = (f: CustomField) => (f.options ?? []).map(o => ({ id: o, name: o }));

/**
 * A List's `filters`: `base` plus the filterable custom fields: a value for text,
 * choices and booleans, a from–to range for numbers and dates. The server reads
 * `custom.<key>` / `custom.<key>_gte` (the data provider flattens the form's nested values).
 */
export const useCustomFilters = (entity: CustomEntity, base: ReactElement[] = []): ReactElement[] => {
  const labelOf = useFieldLabel();
  const out: ReactElement[] = [...base];
  for (const f of useCustomFields(entity).filter(x => x.filterable)) {
    const source = customSource(f);
    const label = labelOf(f);
    switch (f.type) {
      case 'number':
      case 'date': {
        const Input = f.type === 'number' ? NumberInput : DateInput;
        out.push(<Input key={`${source}_gte`} source={`${source}_gte`} label={`${label} ≥`} />);
        out.push(<Input key={`${source}_lte`} source={`${source}_lte`} label={`${label} ≤`} />);
        break;
      }
      case 'select':
      case 'multiselect':
        out.push(<SelectInput key={source} source={source} label={label} choices={choicesOf(f)} translateChoice={false} />);
        break;
      case 'boolean':
        out.push(<NullableBooleanInput key={source} source={source} label={label} />);
        break;
      default:
        out.push(<TextInput key={source} source={source} label={label} />);
    }
  }
  return out;
};
