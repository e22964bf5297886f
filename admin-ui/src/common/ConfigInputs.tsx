import { SelectInput, TextInput, usePermissions, type Validator } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { useLevels, useSources, useStages, type Level } from './useConfig';

interface ConfigInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  helperText?: string | false;
  alwaysOn?: boolean;
}

/** "H级 1周内可能成交" as it is; "A · 重点" when the label does not name the code. */
const levelName = (l: Level) => (!l.label ? l.code : l.label.includes(l.code) ? l.label : `${l.code} · ${l.label}`);

/** A level code, picked among the configured levels (free text if the role cannot list them). */
export const LevelInput = ({ source, ...props }: ConfigInputProps) => {
  const { permissions } = usePermissions<Me>();
  const { data: levels, isPending } = useLevels();
  if (!canDo(permissions, 'levels', 'list')) return <TextInput source={source} {...props} />;
  return (
    <SelectInput
      source={source}
      choices={levels.map(l => ({ id: l.code, name: levelName(l) }))}
      isPending={isPending}
      emptyText="crm.common.none"
      {...props}
    />
  );
};

/** A source (来源), picked among the configured ones by name (free text if the role cannot list them). */
export const SourceInput = ({ source, ...props }: ConfigInputProps) => {
  const { permissions } = usePermissions<Me>();
  const { data: sources, isPending } = useSources();
  if (!canDo(permissions, 'sources', 'list')) return <TextInput source={source} {...props} />;
  return (
    <SelectInput
      source={source}
      choices={sources.map(s => ({ id: s.name, name: s.name }))}
      isPending={isPending}
      emptyText="crm.common.none"
      {...props}
    />
  );
};

/** A pipeline stage (id), among the active stages in order, with their probability. */
export const StageInput = ({ source, ...props }: ConfigInputProps) => {
  const { data: stages, isPending } = useStages(true);
  return (
    <SelectInput
      source={source}
      choices={stages.map(s => ({ id: s.id, name: `${s.name}（${s.probability}%）` }))}
      isPending={isPending}
      {...props}
    />
  );
};
