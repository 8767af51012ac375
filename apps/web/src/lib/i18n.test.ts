import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, interpolate, LOCALES, loadLocale } from './i18n';
import { en } from './messages/en';
import { ja } from './messages/ja';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('UI strings', () => {
  it('every key has a non-empty English and Japanese text', async () => {
    for (const locale of LOCALES) {
      const table = (await loadLocale(locale)).messages;
      expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(table)) {
        expect(text.trim(), `${locale}: ${key}`).not.toBe('');
      }
    }
  });

  it('each translation uses exactly the placeholders of the English text', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('plural keys come in .one/.other pairs', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('.one'))
        expect(Object.hasOwn(en, key.replace(/\.one$/, '.other')), key).toBe(true);
    }
  });

  it('every key the source uses literally exists (t("…"), label/key: "…")', () => {
    const used = new Set<string>();
    const pattern = /\b(?:t|tCount)\(\s*'([a-zA-Z0-9.]+)'|\b(?:key|label):\s*'([a-zA-Z0-9.]+)'/g;
    for (const file of sourceFiles(join(__dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(pattern))
        used.add((m[1] ?? m[2]) as string);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter(
      (key) => !Object.hasOwn(en, key) && !Object.hasOwn(en, `${key}.one`),
    );
    expect(missing).toEqual([]);
  });

  it('the Japanese UI uses the terms of the source article (SPEC §6)', () => {
    expect(ja['nav.compute']).toBe('コンピューティング');
    expect(ja['compute.nodeIps']).toBe('Kubernetes ノード IP');
    expect(ja['compute.serviceIps']).toBe('Kubernetes 外部サービス IP');
    expect(ja['routes.destination']).toBe('宛先');
    expect(ja['routes.prefixLength']).toBe('プレフィックス長');
    expect(ja['routes.nextHop']).toBe('次ホップ');
    expect(ja['routes.metric']).toBe('メトリック');
    expect(ja['routes.interface']).toBe('インターフェイス');
    expect(ja['common.apply']).toBe('適用');
    expect(ja['compute.enable']).toContain('有効にする');
  });
});

describe('formatting', () => {
  it('formats numbers per locale and fills placeholders', () => {
    const i18nEn = createI18n('en', () => undefined);
    expect(i18nEn.t('routes.showing', { shown: 1200, total: 10000 })).toBe(
      'Showing 1,200 of 10,000',
    );
    expect(i18nEn.tCount('compute.count', 1)).toBe('1 address');
    expect(i18nEn.tCount('compute.count', 3)).toBe('3 addresses');
    const i18nJa = createI18n('ja', () => undefined);
    expect(i18nJa.t('routes.showing', { shown: 1200, total: 10000 })).toBe(
      '10,000 件中 1,200 件を表示',
    );
    expect(i18nJa.tCount('compute.count', 3)).toBe('3 個のアドレス');
  });

  it('takes issue text from the core, or from the server message as given', () => {
    const i18nJa = createI18n('ja', () => undefined);
    expect(
      i18nJa.issueText({ path: 'x', code: 'field.required', severity: 'error', params: {} }),
    ).toBe('この項目は必須です。');
    expect(
      i18nJa.issueText({
        path: 'x',
        code: 'field.required',
        severity: 'error',
        message: { en: 'E', ja: 'J' },
      }),
    ).toBe('J');
  });

  it('leaves unknown placeholders visible rather than guessing', () => {
    expect(interpolate('a {b} {c}', { b: 'x' }, String)).toBe('a x {c}');
  });
});
