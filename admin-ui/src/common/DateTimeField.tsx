import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

import { crmTimeZone } from './dates';

/** Times are shown in the CRM's time zone (see dates.ts), whatever the browser's. */
const OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

const DATE_OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
};

export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={locale} options={{ ...OPTIONS, timeZone: crmTimeZone() }} {...props} />;
};

/** A calendar date (birthday, expected close date): no time, no zone shift. */
export const DateOnlyField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField locales={locale} options={{ ...DATE_OPTIONS, timeZone: 'UTC' }} {...props} />;
};
