/**
 * The web formats issues one language at a time (`formatIssueWith`, ADR 0033); it must read
 * exactly as `formatIssue`, which the server, the CLI and hcs-shell use.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, formatIssueWith, ISSUE_CODES, issueMessagesEn } from './index';
import { issueMessagesJa } from './issue-messages-ja';

const TABLES = { en: issueMessagesEn, ja: issueMessagesJa } as const;
const PARAMS = {
  value: '10.0.0.300',
  name: 'Port3',
  min: 0,
  max: 65535,
  count: 2,
  detail: 'x',
};

describe('formatIssueWith', () => {
  it('reads as formatIssue for every code, in both languages', () => {
    for (const locale of ['en', 'ja'] as const) {
      expect(TABLES[locale].locale).toBe(locale);
      for (const code of ISSUE_CODES) {
        const issue = { code, params: PARAMS };
        expect(formatIssueWith(TABLES[locale], issue), `${locale} ${code}`).toBe(
          formatIssue(issue, locale),
        );
      }
    }
  });

  it('names the affected routes of a grouped issue, in the table’s language', () => {
    const issue = {
      code: 'port.subnetsOverlap' as const,
      params: { ...PARAMS, routes: '10.1.0.0/16, 10.2.0.0/16', routeCount: 2 },
    };
    const en = formatIssueWith(issueMessagesEn, issue);
    const ja = formatIssueWith(issueMessagesJa, issue);
    expect(en).toMatch(/ Affected routes \(2\): 10\.1\.0\.0\/16, 10\.2\.0\.0\/16\.$/);
    expect(ja).toMatch(/ 対象のルート \(2 件\): 10\.1\.0\.0\/16, 10\.2\.0\.0\/16。$/);
    expect(en).toBe(formatIssue(issue, 'en'));
    expect(ja).toBe(formatIssue(issue, 'ja'));
  });
});
