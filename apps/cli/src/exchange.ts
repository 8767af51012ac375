/**
 * `edgenet-ps --export <format>` and `--import <file>`: the same API as the Routes page
 * (`GET /api/export`, `POST /api/import`). The import shows the server's per-line preview first
 * and applies only a text without errors, with If-Match on the revision it previewed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { ApiClient, Locale } from '@edgenet/hcs-shell';
import {
  EXCHANGE_API,
  type ImportAnswer,
  type ImportRequest,
} from '@edgenet/network-config/contract/exchange';

export interface ExchangeIo {
  client: ApiClient;
  locale: Locale;
  write: (text: string) => void;
  error: (text: string) => void;
}

interface ProblemBody {
  message?: { en: string; ja: string };
  detail?: string;
  issues?: { path: string; message: { en: string; ja: string } }[];
}

function reportProblem(io: ExchangeIo, status: number, body: unknown): number {
  const problem = (body && typeof body === 'object' ? body : {}) as ProblemBody;
  const text = problem.message?.[io.locale] ?? problem.detail ?? `HTTP ${status}`;
  io.error(`edgenet-ps: ${text}\n`);
  for (const issue of problem.issues ?? []) {
    io.error(`  ${issue.path}: ${issue.message[io.locale]}\n`);
  }
  return 1;
}

export async function runExport(io: ExchangeIo, format: string, out?: string): Promise<number> {
  const res = await io.client.request(
    'GET',
    `${EXCHANGE_API.export}?format=${encodeURIComponent(format)}`,
  );
  if (res.status !== 200) return reportProblem(io, res.status, res.body);
  // The json export comes back parsed; it is written as the server formats it (2-space JSON).
  const text = typeof res.body === 'string' ? res.body : `${JSON.stringify(res.body, null, 2)}\n`;
  if (out) writeFileSync(out, text);
  else io.write(text);
  return 0;
}

const EXTENSIONS: Record<string, ImportRequest['format']> = {
  '.ps1': 'ps1',
  '.csv': 'csv',
  '.json': 'json',
  '.ip': 'iproute2',
  '.batch': 'iproute2',
  '.txt': 'table',
};

export function importFormatOf(file: string, option?: string): ImportRequest['format'] | null {
  if (option) return option as ImportRequest['format'];
  return EXTENSIONS[extname(file).toLowerCase()] ?? null;
}

const ACTIONS: Record<string, { en: string; ja: string }> = {
  add: { en: 'add', ja: '追加' },
  remove: { en: 'remove', ja: '削除' },
  change: { en: 'change', ja: '変更' },
  unchanged: { en: 'unchanged', ja: '変更なし' },
};

/** The preview as lines: `  12 add       Port3 10.0.0.0/24 via 192.168.20.1 metric 100`. */
export function formatPreview(answer: ImportAnswer, locale: Locale): string {
  const out: string[] = [];
  for (const row of answer.rows) {
    const line = row.line === null ? '   -' : String(row.line).padStart(4);
    const action = (row.action ? ACTIONS[row.action]?.[locale] : '?') ?? '?';
    const r = row.route;
    const what = r
      ? `${r.interfaceAlias} ${r.destinationPrefix} via ${r.nextHop} metric ${r.routeMetric}`
      : row.text.trim();
    out.push(`${line} ${action.padEnd(9)} ${what}`);
    for (const issue of row.issues) {
      out.push(
        `       ${issue.severity === 'error' ? 'error' : 'warning'}: ${issue.message[locale]}`,
      );
    }
  }
  const c = answer.counts;
  out.push(
    locale === 'ja'
      ? `追加 ${c.add}、変更 ${c.change}、削除 ${c.remove}、変更なし ${c.unchanged}、エラー ${c.errors}、警告 ${c.warnings}`
      : `${c.add} to add, ${c.change} to change, ${c.remove} to remove, ${c.unchanged} unchanged; ${c.errors} error(s), ${c.warnings} warning(s)`,
  );
  return `${out.join('\n')}\n`;
}

export async function runImport(
  io: ExchangeIo,
  file: string,
  options: { format?: string; mode?: string; dryRun?: boolean; readText?: (f: string) => string },
): Promise<number> {
  const format = importFormatOf(file, options.format);
  if (!format) {
    io.error(
      `edgenet-ps: cannot tell the format of ${file} from its extension; give --format ps1|table|csv|iproute2|json.\n`,
    );
    return 2;
  }
  let text: string;
  try {
    text = (options.readText ?? ((f) => readFileSync(f, 'utf8')))(file);
  } catch (error) {
    io.error(`edgenet-ps: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const mode = (options.mode ?? 'merge') as ImportRequest['mode'];
  const preview = await io.client.request('POST', EXCHANGE_API.import, {
    format,
    text,
    mode,
    dryRun: true,
  } satisfies ImportRequest);
  if (preview.status !== 200) return reportProblem(io, preview.status, preview.body);
  const answer = preview.body as ImportAnswer;
  io.write(formatPreview(answer, io.locale));
  if (answer.counts.errors > 0) {
    io.error(
      io.locale === 'ja'
        ? 'edgenet-ps: エラーのある行があるため、何も適用していません。\n'
        : 'edgenet-ps: nothing was applied: fix the lines with errors and import again.\n',
    );
    return 1;
  }
  if (options.dryRun) return 0;
  const applied = await io.client.request(
    'POST',
    EXCHANGE_API.import,
    { format, text, mode, dryRun: false } satisfies ImportRequest,
    { 'If-Match': `"${answer.revision}"` },
  );
  if (applied.status !== 200) return reportProblem(io, applied.status, applied.body);
  const result = applied.body as ImportAnswer;
  io.write(
    result.applied
      ? io.locale === 'ja'
        ? `適用しました (リビジョン ${result.revision})。\n`
        : `Applied as revision ${result.revision}.\n`
      : io.locale === 'ja'
        ? '変更はありません。\n'
        : 'Nothing to change.\n',
  );
  return 0;
}
