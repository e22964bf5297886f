import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { AutocompleteInput, ReferenceInput, SelectInput, TextInput, required, useGetList } from 'react-admin';

import { channelChoices, severityChoices } from './complaint';

const Grid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>{children}</Box>
);

/** The configured categories (config resource complaint-categories), active ones, in order. */
const CategoryInput = () => {
  const { data = [] } = useGetList('complaint-categories', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'order', order: 'ASC' },
  });
  const choices = data.filter(c => c.active !== false).map(c => ({ id: String(c.name), name: String(c.name) }));
  return <SelectInput source="category" choices={choices} translateChoice={false} emptyText="crm.common.none" />;
};

/** A complaint's own fields, shared by ComplaintCreate and ComplaintEdit. */
export const ComplaintInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 800 }}>
    <TextInput source="title" validate={required()} fullWidth />
    <Grid>
      <ReferenceInput source="customer" reference="customers">
        <AutocompleteInput optionText="name" filterToQuery={q => ({ q })} />
      </ReferenceInput>
      <CategoryInput />
      <SelectInput source="channel" choices={channelChoices} validate={required()} />
      <SelectInput source="severity" choices={severityChoices} validate={required()} />
    </Grid>
    <TextInput source="description" multiline minRows={3} fullWidth />
  </Box>
);
