import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

/** How amounts are shown: the `amountUnit` setting, which `/api/crm/me` answers. */
export type AmountUnit = 'yuan' | 'wan';
let unit: AmountUnit = 'yuan';

export const setAmountUnit = (value: unknown): void => {
  if (value === 'yuan' || value === 'wan') unit = value;
};

const yuan = (amount: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(amount);

/**
 * Amounts in yuan: ¥1,280,000; or, where the team counts in 万 (setting `amountUnit: wan`),
 * ¥128万 from ten thousand up, in Chinese (English readers get full yuan: 万 is not an English unit).
 */
export const formatYuan = (amount: number, locale: string): string => {
  if (unit !== 'wan' || Math.abs(amount) < 10000 || !locale.startsWith('zh')) return yuan(amount, locale);
  const wan = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount / 10000);
  return `¥${wan}万`;
};

export const MoneyField = ({ source, emptyText }: { source: string; emptyText?: string; label?: string }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const value = record?.[source];
  const text = typeof value === 'number' ? formatYuan(value, locale) : emptyText ? translate(emptyText, { _: emptyText }) : '';
  return (
    <Typography component="span" variant="body2">
      {text}
    </Typography>
  );
};
