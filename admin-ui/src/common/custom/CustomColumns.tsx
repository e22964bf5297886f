import { DataTable } from 'react-admin';

import { CustomValue } from './CustomValue';
import { customSource, useCustomFields, useFieldLabel, type CustomEntity } from './useCustomFields';

/**
 * The list columns of the custom fields marked "shown in list", inside a DataTable. They sort
 * when the field is filterable (the server sorts only those, with their index).
 */
export const CustomColumns = ({ entity }: { entity: CustomEntity }) => {
  const labelOf = useFieldLabel();
  return (
    <>
      {useCustomFields(entity)
        .filter(f => f.showInList)
        .map(f => (
          <DataTable.Col
            key={f.key}
            source={customSource(f)}
            label={labelOf(f)}
            disableSort={!f.filterable || f.type === 'multiselect'}
            render={() => <CustomValue field={f} />}
          />
        ))}
    </>
  );
};
