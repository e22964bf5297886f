import { NumberField, type NumberFieldProps } from 'react-admin';

/** Amounts in yuan: ¥1,280,000. */
export const MoneyField = (props: NumberFieldProps) => (
  <NumberField options={{ style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }} {...props} />
);

export const formatYuan = (amount: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(amount);
