/**
 * English and Japanese, switchable at any time: the choice is kept in localStorage and mirrored
 * on <html lang>. Numbers and dates go through Intl for the chosen locale. Issue messages come
 * from the core (`formatIssueWith`) for inline issues and from the server's `message.{en,ja}` for
 * server issues, so both read the same.
 *
 * English is in the entry chunk; Japanese (UI strings and the core's issue messages) is a chunk of
 * its own, loaded by `loadLocale('ja')` before the first render when Japanese is chosen at start,
 * and before switching otherwise (ADR 0033).
 */
import {
  formatIssueWith,
  type Issue,
  type IssueMessages,
  issueMessagesEn,
  type Locale,
} from '@edgenet/network-config';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { en, type MessageKey } from './messages/en';

export type { MessageKey } from './messages/en';
export const LOCALES: readonly Locale[] = ['en', 'ja'];
export const LOCALE_STORAGE_KEY = 'edgenet.locale';

/** One language's texts: the UI strings and the core's issue messages. */
export interface LocaleTables {
  messages: Record<MessageKey, string>;
  issues: IssueMessages;
}

/** The languages loaded so far; English always. */
const LOADED: Partial<Record<Locale, LocaleTables>> = {
  en: { messages: en, issues: issueMessagesEn },
};
const LOADERS: Record<Locale, () => Promise<LocaleTables>> = {
  en: async () => ({ messages: en, issues: issueMessagesEn }),
  ja: async () => {
    const { ja, issueMessagesJa } = await import('./messages/ja-tables');
    return { messages: ja, issues: issueMessagesJa };
  },
};
const LOADING = new Map<Locale, Promise<LocaleTables>>();

export function isLocaleLoaded(locale: Locale): boolean {
  return LOADED[locale] !== undefined;
}

/** Loads a language's tables once (a failed load may be retried); resolves when they are in. */
export function loadLocale(locale: Locale): Promise<LocaleTables> {
  const loaded = LOADED[locale];
  if (loaded) return Promise.resolve(loaded);
  let pending = LOADING.get(locale);
  if (!pending) {
    pending = LOADERS[locale]().then(
      (tables) => {
        LOADED[locale] = tables;
        LOADING.delete(locale);
        return tables;
      },
      (error: unknown) => {
        LOADING.delete(locale);
        throw error;
      },
    );
    LOADING.set(locale, pending);
  }
  return pending;
}

/** A loaded language's tables; throws for one not loaded yet (`await loadLocale` first). */
export function localeTables(locale: Locale): LocaleTables {
  const tables = LOADED[locale];
  if (!tables)
    throw new Error(`locale ${locale} is not loaded: await loadLocale('${locale}') first`);
  return tables;
}

export type Params = Record<string, string | number>;

/** Text that is translated when shown (so a language switch re-renders it). */
export type LocalText =
  | { key: MessageKey; params?: Params }
  | { en: string; ja: string }
  | { issue: Pick<Issue, 'code' | 'params'> };

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
  const { messages: table, issues } = localeTables(locale);
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
    text: (text) =>
      'key' in text
        ? t(text.key, text.params)
        : 'issue' in text
          ? formatIssueWith(issues, text.issue)
          : text[locale],
    issueText: (issue) =>
      'message' in issue && issue.message
        ? issue.message[locale]
        : formatIssueWith(issues, { code: issue.code, params: issue.params ?? {} }),
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
  // A language not loaded yet (main.tsx loads the stored one before rendering) starts in English
  // and switches once it is in.
  const [wanted] = useState<Locale>(() => initialLocale ?? readStoredLocale());
  const [locale, setLocaleState] = useState<Locale>(() => (isLocaleLoaded(wanted) ? wanted : 'en'));
  /** The last language asked for: a slow load does not override a later choice. */
  const requested = useRef<Locale>(wanted);
  const switchTo = useCallback((next: Locale, remember: boolean) => {
    requested.current = next;
    const apply = () => {
      if (requested.current !== next) return;
      setLocaleState(next);
      if (!remember) return;
      try {
        globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, next);
      } catch {
        // Not remembered, but still switched.
      }
    };
    if (isLocaleLoaded(next)) apply();
    else
      loadLocale(next).then(apply, (error: unknown) => {
        // The language stays as it was; the next choice tries again.
        console.error(`could not load the ${next} texts`, error);
      });
  }, []);
  const setLocale = useCallback((next: Locale) => switchTo(next, true), [switchTo]);
  useEffect(() => {
    if (!isLocaleLoaded(wanted)) switchTo(wanted, false);
  }, [wanted, switchTo]);
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
