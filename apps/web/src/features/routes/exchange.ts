/** Export, import and bulk route changes: the Routes page's calls of the exchange contract. */
import { type AnswerOf, pathOf, queryString } from '@edgenet/network-config/contract/client';
import type { ImportRequest, RouteBatchBody } from '@edgenet/network-config/contract/exchange';
import { api } from '../../lib/api';
import { CONFIGURATION_WRITE, useWrite, type WriteOptions } from '../../lib/writes';

export const EXPORT_CHOICES = ['ps1', 'metallb', 'calico', 'iproute2', 'json'] as const;
export type ExportChoice = (typeof EXPORT_CHOICES)[number];
export const IMPORT_CHOICES = ['ps1', 'table', 'csv', 'iproute2', 'json'] as const;
export type ImportChoice = ImportRequest['format'];

/** The export's URL: a plain link downloads it (the server sends it as an attachment). */
export function exportUrl(format: ExportChoice): string {
  return `${pathOf('exportConfig')}${queryString({ format })}`;
}

/** The format a picked file most likely holds, from its extension. */
export function formatOfFile(name: string): ImportChoice | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  const map: Record<string, ImportChoice> = {
    ps1: 'ps1',
    csv: 'csv',
    json: 'json',
    ip: 'iproute2',
    batch: 'iproute2',
    txt: 'table',
  };
  return map[ext] ?? null;
}

export type ImportText = Omit<ImportRequest, 'dryRun'>;

type ImportAnswer = AnswerOf<'importConfig'>;

async function previewImport({ format, mode, text }: ImportText): Promise<ImportAnswer> {
  // Only the request's fields: the caller's variables may carry more (the preview's key).
  return (await api.call('importConfig', { body: { format, mode, text, dryRun: true } })).data;
}

/** POST /api/import with dryRun: the server's per-line preview (changes nothing). */
export function usePreviewImportMutation<TSent extends ImportText>(
  options?: WriteOptions<ImportAnswer, TSent>,
) {
  return useWrite<ImportAnswer, TSent>(previewImport, undefined, options);
}

export interface ApplyImport {
  text: ImportText;
  /** The revision the text was previewed against (If-Match). */
  revision: number;
}

async function applyImport({ text, revision }: ApplyImport): Promise<ImportAnswer> {
  return (await api.call('importConfig', { body: { ...text, dryRun: false }, ifMatch: revision }))
    .data;
}

/** POST /api/import: the previewed text as one revision; refused or not, the list is reloaded. */
export function useApplyImportMutation(options?: WriteOptions<ImportAnswer, ApplyImport>) {
  return useWrite(applyImport, { ...CONFIGURATION_WRITE, afterError: 'always' }, options);
}

export interface ChangeRoutes {
  body: RouteBatchBody;
  revision: number | undefined;
}

async function changeRoutes({ body, revision }: ChangeRoutes) {
  return (await api.call('changeRoutes', { body, ifMatch: revision ?? null })).data;
}

/**
 * POST /api/routes/batch: removals and metric changes in one revision. Refused or not, the list
 * is reloaded (a stale selection or metric is decided again on fresh data).
 */
export function useChangeRoutesMutation(
  options?: WriteOptions<AnswerOf<'changeRoutes'>, ChangeRoutes>,
) {
  return useWrite(changeRoutes, { ...CONFIGURATION_WRITE, afterError: 'always' }, options);
}
