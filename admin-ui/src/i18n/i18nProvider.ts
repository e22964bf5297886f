import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';

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

/** The English catalog is its own chunk, fetched when English is first chosen (or restored). */
let en: TranslationMessages | undefined;
const loadEn = () => import('./en').then(m => (en = m.default));

const polyglot = polyglotI18nProvider(
  locale => (locale === 'en' ? (en ?? loadEn()) : zh),
  DEFAULT_LOCALE,
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

/**
 * Switches to the language chosen before (a reload, a new tab) before the first render, so the
 * English catalog is fetched only by those who use it; on failure the UI starts in Chinese.
 */
export const restoreSavedLocale = async (): Promise<void> => {
  const saved = savedLocale();
  if (saved !== polyglot.getLocale()) await polyglot.changeLocale(saved).catch(() => undefined);
  syncDocument();
};
