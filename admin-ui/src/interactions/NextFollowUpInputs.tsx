import { BooleanInput, FormDataConsumer, useGetOne, useRecordContext } from 'react-admin';

import { CrmDateTimeInput } from '../common/CrmDateTimeInput';
import { fromWallClock, toWallClock } from '../common/dates';
import { useLevels } from '../common/useConfig';
import type { CrmDataProvider } from '../dataProvider';
import type { Interaction } from './interaction';

const DEFAULT_DAYS = 7;

/** `days` after today, 10:00 on the CRM's clock. */
export const inDays = (days: number, now = new Date()): string => {
  const wall = toWallClock(now);
  return fromWallClock(new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days, 10))).toISOString();
};

/** The follow-up interval (跟进间隔) of the customer's level, else the lead's, else a week. */
const useIntervalDays = (record: Interaction | undefined) => {
  const { data: customer } = useGetOne('customers', { id: record?.customer ?? '' }, { enabled: record?.customer != null });
  const { data: lead } = useGetOne('leads', { id: record?.lead ?? '' }, { enabled: record?.lead != null });
  const { data: levels } = useLevels(true);
  const code = (customer?.level ?? lead?.level) as string | undefined;
  const level = levels.find(l => l.code === code);
  return level?.followUpDays ?? DEFAULT_DAYS;
};

/**
 * In the 完成跟进 dialog: plan the next follow-up right away (on by default), at the level's
 * interval from today; the person can move the date or switch it off.
 */
export const NextFollowUpInputs = ({ record }: { record?: Interaction }) => {
  const fromContext = useRecordContext<Interaction>();
  const target = record ?? fromContext;
  const days = useIntervalDays(target);
  return (
    <>
      <BooleanInput source="planNext" label="crm.next_follow_up.plan" defaultValue />
      <FormDataConsumer<{ planNext?: boolean }>>
        {({ formData }) =>
          formData.planNext === false ? null : (
            <CrmDateTimeInput
              key={days}
              source="nextStart"
              label="crm.next_follow_up.start"
              defaultValue={inDays(days)}
              helperText="crm.next_follow_up.hint"
              fullWidth
            />
          )
        }
      </FormDataConsumer>
    </>
  );
};

/** After 完成跟进: creates the next follow-up of the same customer / opportunity / lead, if asked. */
export const planNextFollowUp = async (dataProvider: CrmDataProvider, done: Interaction, values: Record<string, unknown>) => {
  if (values.planNext === false || typeof values.nextStart !== 'string' || !values.nextStart) return false;
  await dataProvider.create('interactions', {
    data: {
      state: 'planned',
      kind: done.kind,
      subject: done.subject,
      start: values.nextStart,
      customer: done.customer ?? null,
      opportunity: done.opportunity ?? null,
      lead: done.lead ?? null,
      priority: done.priority ?? 'normal',
    },
  });
  return true;
};
