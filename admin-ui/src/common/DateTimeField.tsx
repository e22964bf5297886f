import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

import { CRM_TIME_ZONE } from './dates';

/** Times are shown in the CRM's time zone, whatever the browser's. */
export { CRM_TIME_ZONE };

const OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: CRM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

const DATE_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: CRM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
};

export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={locale} options={OPTIONS} {...props} />;
};

/** A calendar date (birthday, expected close date): no time, no zone shift. */
export const DateOnlyField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField locales={locale} options={{ ...DATE_OPTIONS, timeZone: 'UTC' }} {...props} />;
};
