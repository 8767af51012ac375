/**
 * One table of the server's messages (issue 12): every problem code the server answers has an
 * English and a Japanese text in src/messages.ts and a line in docs/issue-codes.md, the document
 * lists no code that neither the core nor the server has, and no other source file of the server
 * holds Japanese text of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISSUE_CODES } from '@edgenet/network-config';
import { describe, expect, it } from 'vitest';
import { problemText, SERVER_CODES, SERVER_TEXTS, serverText } from '../src/messages';

const here = fileURLToPath(new URL('.', import.meta.url));
const docs = readFileSync(join(here, '../../../docs/issue-codes.md'), 'utf8');
const documented = new Set([...docs.matchAll(/^\| `([A-Za-z0-9.]+)` \|/gm)].map((m) => m[1]));
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('the server message table', () => {
  it('lists the same codes as docs/issue-codes.md (with the core issue codes)', () => {
    expect(SERVER_CODES.filter((code) => !documented.has(code))).toEqual([]);
    expect(ISSUE_CODES.filter((code) => !documented.has(code))).toEqual([]);
    const known = new Set<string>([...ISSUE_CODES, ...SERVER_CODES]);
    expect([...documented].filter((code) => !known.has(code))).toEqual([]);
  });

  it('has an English and a Japanese text for every code and text', () => {
    const params = { count: 2, current: 7, seconds: 3, max: 8, name: 'x', total: 2, ran: '1' };
    for (const code of SERVER_CODES) {
      const { title, message } = problemText(code, params);
      expect(title, code).not.toBe('');
      expect(message.en, code).not.toMatch(JAPANESE);
      expect(message.ja, code).toMatch(JAPANESE);
    }
    for (const key of Object.keys(SERVER_TEXTS) as (keyof typeof SERVER_TEXTS)[]) {
      expect(serverText(key, params).ja, key).toMatch(JAPANESE);
    }
  });

  it('is the only place of the server with Japanese text', () => {
    const src = join(here, '../src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    const offending = files.filter(
      (f) => f !== 'messages.ts' && JAPANESE.test(readFileSync(join(src, f), 'utf8')),
    );
    expect(offending).toEqual([]);
  });
});
