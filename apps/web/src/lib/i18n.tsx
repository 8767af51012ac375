/**
 * English and Japanese, switchable at any time: the choice is kept in localStorage and mirrored
 * on <html lang>. Numbers and dates go through Intl for the chosen locale. Issue messages come
 * from the core (`formatIssue`) for inline issues and from the server's `message.{en,ja}` for
 * server issues, so both read the same.
 */
import { formatIssue, type Issue, type Locale } from '@edgenet/network-config';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { en, type MessageKey } from './messages/en';
import { ja } from './messages/ja';

export type { MessageKey } from './messages/en';
export const LOCALES: readonly Locale[] = ['en', 'ja'];
export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, ja };
export const LOCALE_STORAGE_KEY = 'edgenet.locale';

export type Params = Record<string, string | number>;

/** Text that is translated when shown (so a language switch re-renders it). */
export type LocalText = { key: MessageKey; params?: Params } | { en: string; ja: string };

/** An issue from the core (inline) or the server (with its own en/ja message). */
export type UiIssue =
  | Issue
  | (Omit<Issue, 'params'> & { params?: Issue['params']; message: { en: string; ja: string } });

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Picks `${key}.one` or `${key}.other` with Intl.PluralRules and fills `{count}`. */
  tCount: (key: string, count: number, params?: Params) => string;
  text: (text: LocalText) => string;
  issueText: (issue: UiIssue) => string;
  formatNumber: (value: number) => string;
  formatDateTime: (value: string | number | Date) => string;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    if (stored === 'en' || stored === 'ja') return stored;
  } catch {
    // Storage may be disabled; fall through to the browser's language.
  }
  return globalThis.navigator?.language?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function interpolate(
  template: string,
  params: Params | undefined,
  format: (n: number) => string,
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? format(value) : value;
  });
}

export function createI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const plural = new Intl.PluralRules(locale);
  const table = MESSAGES[locale];
  const formatNumber = (n: number) => numberFormat.format(n);
  const t = (key: MessageKey, params?: Params) =>
    interpolate(table[key] ?? key, params, formatNumber);
  return {
    locale,
    setLocale,
    t,
    tCount: (key, count, params) => {
      const form = plural.select(count) === 'one' ? 'one' : 'other';
      const full = `${key}.${form}` as MessageKey;
      return interpolate(table[full] ?? full, { ...params, count }, formatNumber);
    },
    text: (text) => ('key' in text ? t(text.key, text.params) : text[locale]),
    issueText: (issue) =>
      'message' in issue && issue.message
        ? issue.message[locale]
        : formatIssue({ code: issue.code, params: issue.params ?? {} }, locale),
    formatNumber,
    formatDateTime: (value) => dateFormat.format(new Date(value)),
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  children,
  initialLocale,
}: {
  children: ReactNode;
  initialLocale?: Locale;
}) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? readStoredLocale());
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not remembered, but still switched.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => createI18n(locale, setLocale), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
