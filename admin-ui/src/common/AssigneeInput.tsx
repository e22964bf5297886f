import { SelectInput, useDataProvider, type Validator } from 'react-admin';

import type { CrmDataProvider } from '../dataProvider';
import { useCrmQuery } from './useCrmQuery';

/** Who the signed-in user may hand `resource` records to (the server decides: subtree, active, role). */
export const useAssignees = (resource: string) => {
  const dataProvider = useDataProvider<CrmDataProvider>();
  const { data, isPending } = useCrmQuery(`assignees:${resource}`, () => dataProvider.assignees(resource).then(r => r.data));
  return { data: data ?? [], isPending };
};

interface AssigneeInputProps {
  source: string;
  /** the resource the records belong to: leads, customers, opportunities */
  resource: string;
  label?: string;
  helperText?: string | false;
  validate?: Validator | Validator[];
  /** what the empty choice means (by default: the server picks, round robin) */
  emptyText?: string;
}

/**
 * The assignment picker (分配/转移, 转线索): only active staff of the user's subtree whose
 * role can work the records — the list the server itself accepts.
 */
export const AssigneeInput = ({ source, resource, label, helperText, validate, emptyText = 'crm.assign.auto' }: AssigneeInputProps) => {
  const { data, isPending } = useAssignees(resource);
  return (
    <SelectInput
      source={source}
      label={label}
      helperText={helperText}
      validate={validate}
      isPending={isPending}
      choices={data.map(a => ({ id: a.id, name: a.displayName }))}
      emptyText={emptyText}
      fullWidth
    />
  );
};
