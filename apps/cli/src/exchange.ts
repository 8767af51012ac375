/**
 * `edgenet-ps --export <format>` and `--import <file>`: the same API as the Routes page
 * (`GET /api/export`, `POST /api/import`). The import shows the server's per-line preview first
 * and applies only a text without errors, with If-Match on the revision it previewed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Locale } from '@edgenet/hcs-shell';
import type { AnswerOf, InputOf } from '@edgenet/network-config/contract';
import { ApiError, type TypedApiClient } from '@edgenet/network-config/contract/client';

type ImportRequest = InputOf<'importConfig'>['body'];
type ImportAnswer = AnswerOf<'importConfig'>;

export interface ExchangeIo {
  /** The typed client over the CLI's transport (answers checked when app.ts says so). */
  api: TypedApiClient;
  locale: Locale;
  write: (text: string) => void;
  error: (text: string) => void;
}

/** Prints a refusal (its message and issues) and answers status 1; anything else is rethrown. */
function reportProblem(io: ExchangeIo, error: unknown): number {
  if (!(error instanceof ApiError)) throw error;
  const { problem } = error;
  const text = problem?.message?.[io.locale] ?? problem?.detail ?? `HTTP ${error.status}`;
  io.error(`edgenet-ps: ${text}\n`);
  for (const issue of error.issues) {
    io.error(`  ${issue.path}: ${issue.message[io.locale]}\n`);
  }
  return 1;
}

export async function runExport(io: ExchangeIo, format: string, out?: string): Promise<number> {
  let text: string;
  try {
    const answer = await io.api.call('exportConfig', {
      query: { format: format as InputOf<'exportConfig'>['query']['format'] },
    });
    // The file as the server wrote it (json included: 2-space JSON and a newline).
    text = answer.data;
  } catch (error) {
    return reportProblem(io, error);
  }
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
  let answer: ImportAnswer;
  try {
    answer = (await io.api.call('importConfig', { body: { format, text, mode, dryRun: true } }))
      .data;
  } catch (error) {
    return reportProblem(io, error);
  }
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
  let result: ImportAnswer;
  try {
    result = (
      await io.api.call('importConfig', {
        body: { format, text, mode, dryRun: false },
        ifMatch: answer.revision,
      })
    ).data;
  } catch (error) {
    return reportProblem(io, error);
  }
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
