import { BooleanField, DataTable } from 'react-admin';

import { ConfigList } from '../common/ConfigList';
import { LevelChip } from '../common/LevelChip';

/** The level code in its own colour, as consultants see it on customers. */
const CodeChip = (_props: { source?: string }) => <LevelChip source="code" />;

export const LevelList = () => (
  <ConfigList resource="levels">
    <DataTable.NumberCol source="order" />
    <DataTable.Col source="code" field={CodeChip} />
    <DataTable.Col source="label" />
    <DataTable.Col source="color" />
    <DataTable.NumberCol source="followUpDays" />
    <DataTable.Col source="active" field={BooleanField} />
  </ConfigList>
);

export default LevelList;
