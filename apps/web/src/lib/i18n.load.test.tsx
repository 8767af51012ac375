/**
 * Japanese is a chunk loaded on demand (ADR 0033). The test setup preloads it for every other
 * test, so these tests take a fresh copy of the i18n module, in which only English is loaded.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type I18nModule = typeof import('./i18n');

async function freshI18n(): Promise<I18nModule> {
  vi.resetModules();
  return import('./i18n');
}

/** A fresh copy per test, so Japanese starts unloaded. */
let i18n: I18nModule;

function Switcher() {
  const { t, setLocale, text } = i18n.useI18n();
  return (
    <>
      <p data-testid="nav">{t('nav.compute')}</p>
      <p data-testid="issue">
        {text({
          issue: { code: 'route.metricInvalid', params: { value: 'x', min: 0, max: 65535 } },
        })}
      </p>
      <button type="button" onClick={() => setLocale('ja')}>
        ja
      </button>
    </>
  );
}

function Nav() {
  return <p data-testid="nav">{i18n.useI18n().t('nav.compute')}</p>;
}

describe('loading Japanese on demand', () => {
  beforeEach(async () => {
    i18n = await freshI18n();
  });

  it('is not loaded at start; t() answers in Japanese once loadLocale resolves', async () => {
    expect(i18n.isLocaleLoaded('en')).toBe(true);
    expect(i18n.isLocaleLoaded('ja')).toBe(false);
    expect(() => i18n.createI18n('ja', () => undefined)).toThrow(/not loaded/);

    await i18n.loadLocale('ja');
    expect(i18n.isLocaleLoaded('ja')).toBe(true);
    const ja = i18n.createI18n('ja', () => undefined);
    expect(ja.t('nav.compute')).toBe('コンピューティング');
    // The core's issue messages come with it.
    expect(ja.issueText({ path: 'x', code: 'field.required', severity: 'error', params: {} })).toBe(
      'この項目は必須です。',
    );
  });

  it('switching language loads the Japanese tables first, then switches', async () => {
    const { I18nProvider, isLocaleLoaded } = i18n;
    render(
      <I18nProvider initialLocale="en">
        <Switcher />
      </I18nProvider>,
    );
    expect(screen.getByTestId('nav').textContent).toBe('Compute');
    const englishIssue = screen.getByTestId('issue').textContent;

    fireEvent.click(screen.getByRole('button', { name: 'ja' }));
    // Until the tables are in, the page stays whole, in English.
    expect(screen.getByTestId('nav').textContent).toBe('Compute');
    expect(document.documentElement.lang).toBe('en');

    expect(await screen.findByText('コンピューティング')).toBeTruthy();
    expect(isLocaleLoaded('ja')).toBe(true);
    expect(document.documentElement.lang).toBe('ja');
    expect(localStorage.getItem(i18n.LOCALE_STORAGE_KEY)).toBe('ja');
    const japaneseIssue = screen.getByTestId('issue').textContent;
    expect(japaneseIssue).not.toBe(englishIssue);
    expect(japaneseIssue).toMatch(/[\u3040-\u30ff]/);
  });

  it('a language chosen at start but not yet loaded shows English, then Japanese', async () => {
    const { I18nProvider } = i18n;
    render(
      <I18nProvider initialLocale="ja">
        <Nav />
      </I18nProvider>,
    );
    expect(screen.getByTestId('nav').textContent).toBe('Compute');
    expect(await screen.findByText('コンピューティング')).toBeTruthy();
    await act(async () => undefined);
  });
});
