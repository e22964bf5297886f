import polyglotI18nProvider from 'ra-i18n-polyglot';

import zh from './zh';

export const DEFAULT_LOCALE = 'zh-CN';

export const LOCALES = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
];

/**
 * Simplified Chinese by default; English is loaded on demand when the user switches
 * (the choice is kept in react-admin's store, i.e. localStorage).
 */
export const i18nProvider = polyglotI18nProvider(
  locale => (locale === 'en' ? import('./en').then(module => module.default) : zh),
  DEFAULT_LOCALE,
  LOCALES,
);
