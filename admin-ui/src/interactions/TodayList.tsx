import { useState, type ReactNode } from 'react';
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { ListBase, Pagination, ResourceContextProvider, Title, useListContext, useTranslate } from 'react-admin';

import { crmDayRange } from '../common/dates';
import { InteractionTable } from './InteractionFields';

const Heading = ({ title, color }: { title: string; color: 'primary' | 'error' }) => {
  const translate = useTranslate();
  const { total } = useListContext();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
      <Typography variant="h6" component="h2">
        {translate(title)}
      </Typography>
      <Chip size="small" color={color} label={total ?? 0} data-testid={`count-${color}`} />
    </Stack>
  );
};

const Section = ({ title, filter, color, storeKey }: { title: string; filter: object; color: 'primary' | 'error'; storeKey: string }) => {
  const translate = useTranslate();
  return (
    <ListBase resource="interactions" filter={filter} sort={{ field: 'start', order: 'ASC' }} perPage={25} storeKey={storeKey} disableSyncWithLocation>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Heading title={title} color={color} />
          <EmptyOr text={translate('crm.common.no_records')}>
            <InteractionTable showOutcome={false} />
            <Pagination rowsPerPageOptions={[25, 50]} />
          </EmptyOr>
        </CardContent>
      </Card>
    </ListBase>
  );
};

const EmptyOr = ({ text, children }: { text: string; children: ReactNode }) => {
  const { total, isPending } = useListContext();
  if (!isPending && !total) return <Typography color="text.secondary">{text}</Typography>;
  return <>{children}</>;
};

/** 今日跟进: today's planned follow-ups, and the overdue ones still waiting. */
export const TodayList = () => {
  // The CRM day (in the CRM zone), fixed for the visit so the queries stay stable.
  const [filters] = useState(() => {
    const { start, end } = crmDayRange();
    return {
      today: { state: 'planned', start_gte: start, start_lte: end },
      overdue: { state: 'planned', start_lte: new Date().toISOString() },
    };
  });
  return (
    <ResourceContextProvider value="interactions">
      <Box sx={{ mt: 2 }}>
        <Title title="crm.today.title" />
        <Section title="crm.today.planned_today" filter={filters.today} color="primary" storeKey="interactions.today" />
        <Section title="crm.today.overdue" filter={filters.overdue} color="error" storeKey="interactions.overdue" />
      </Box>
    </ResourceContextProvider>
  );
};

export default TodayList;
