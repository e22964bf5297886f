import type { ReactElement } from 'react';
import { Box, Chip } from '@mui/material';
import LocalFireDepartmentIcon from '@mui/icons-material/LocalFireDepartment';
import {
  BooleanInput,
  SearchInput,
  SelectInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { LevelInput, SourceInput } from '../common/ConfigInputs';
import { customerTypeChoices, type Customer } from './customer';

export const HOT_RED = '#c0392b';

/** The customer's name; a hot customer (热点) in red with a flame. */
export const CustomerNameField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Customer>();
  if (!record) return null;
  return (
    <Box
      component="span"
      data-hot={record.hot ? 'true' : 'false'}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        fontWeight: record.hot ? 700 : 500,
        color: record.hot ? HOT_RED : 'inherit',
      }}
    >
      {record.name}
      {record.hot ? <LocalFireDepartmentIcon sx={{ fontSize: 16, color: HOT_RED }} /> : null}
    </Box>
  );
};

/** The customer type (目标/潜在/成交/停用) as a small chip. */
export const CustomerTypeField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Customer>();
  const translate = useTranslate();
  if (!record?.type) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={record.type === 'deal' ? 'success' : record.type === 'inactive' ? 'default' : 'primary'}
      label={translate(`crm.customer_type.${record.type}`, { _: record.type })}
    />
  );
};

/** Filters shared by the customer lists (all, pool, not followed up). */
export const customerFilters = (options: { inPool?: boolean } = {}) =>
  [
    <SearchInput key="q" source="q" alwaysOn />,
    <LevelInput key="level" source="level" />,
    <SelectInput key="type" source="type" choices={customerTypeChoices} />,
    <SourceInput key="source" source="source" />,
    <BooleanInput key="hot" source="hot" />,
    options.inPool === undefined ? <BooleanInput key="inPool" source="inPool" /> : null,
  ].filter(Boolean) as ReactElement[];
