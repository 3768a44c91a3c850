import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { chineseDate } from '@onewindow/domain';
import { messages, type Locale, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'onewindow.locale';

export type Params = Record<string, string | number>;

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Chinese style `2025年3月7日 09:30`; ISO-like in English. */
  formatDateTime: (iso: string | null | undefined) => string;
  /** A calendar day (YYYY-MM-DD, or the date part of an ISO time): `2025年3月7日` in Chinese, as is in English. */
  formatDate: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const chosen = initialLocale();
    applyLocale(chosen);
    return chosen;
  });

  useEffect(() => applyLocale(locale), [locale]);

  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dictionary = messages[locale];
    const t = (key: MessageKey, params?: Params) => interpolate(dictionary[key], params);
    const formatDateTime = (iso: string | null | undefined) => {
      if (!iso) return '';
      const date = dayjs(iso);
      if (!date.isValid()) return iso;
      return date.format(locale === 'zh' ? 'YYYY年M月D日 HH:mm' : 'YYYY-MM-DD HH:mm');
    };
    const formatDate = (iso: string | null | undefined) => {
      if (!iso) return '';
      return locale === 'zh' ? chineseDate(iso) : iso.slice(0, 10);
    };
    return { locale, setLocale, t, formatDateTime, formatDate };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>');
  return context;
}

/** The text of one lazily loaded part of the app, in both languages; Chinese is the source, English gives every key. */
export type Dictionary<K extends string> = Record<Locale, Record<K, string>>;

/**
 * `t` over a dictionary that ships with its own chunk (the catalogue pages), so the first page does not carry the
 * text of pages the visitor may never open. Follows the language chosen with the switch like `useI18n().t`.
 */
export function useMessages<K extends string>(dictionary: Dictionary<K>): (key: K, params?: Params) => string {
  const { locale } = useI18n();
  return useCallback((key: K, params?: Params) => interpolate(dictionary[locale][key], params), [dictionary, locale]);
}
