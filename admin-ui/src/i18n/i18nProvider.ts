import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';

import en from './en';
import zh from './zh';

export const DEFAULT_LOCALE = 'zh-CN';

export const LOCALES = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
];

/**
 * react-admin keeps the chosen locale in its store, which `logout` resets; we keep
 * our own copy so the language survives a logout and a reload.
 */
const LOCALE_KEY = 'crm.locale';

const savedLocale = (): string => {
  try {
    const saved = localStorage.getItem(LOCALE_KEY);
    if (saved && LOCALES.some(l => l.locale === saved)) return saved;
  } catch {
    // storage unavailable: default
  }
  return DEFAULT_LOCALE;
};

const polyglot = polyglotI18nProvider(
  locale => (locale === 'en' ? en : zh),
  savedLocale(),
  LOCALES,
);

/** Simplified Chinese by default, English on demand. */
export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    await polyglot.changeLocale(locale, options);
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
    syncDocument();
  },
};

/** `<html lang>` and the tab title follow the UI language. */
const syncDocument = () => {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = polyglot.getLocale();
  document.title = polyglot.translate('crm.app_title');
};

syncDocument();
