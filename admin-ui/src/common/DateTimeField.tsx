import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** Times are shown in the CRM's time zone, whatever the browser's. */
export const CRM_TIME_ZONE = 'Asia/Shanghai';

const OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: CRM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={locale} options={OPTIONS} {...props} />;
};
