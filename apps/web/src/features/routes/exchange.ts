/** Export, import and bulk route changes: the Routes page's calls of the exchange contract. */
import {
  EXCHANGE_API,
  type ImportAnswer,
  type ImportRequest,
  type RouteBatchAnswer,
  type RouteBatchBody,
} from '@edgenet/network-config/contract/exchange';
import { request } from '../../lib/api';

export const EXPORT_CHOICES = ['ps1', 'metallb', 'calico', 'iproute2', 'json'] as const;
export type ExportChoice = (typeof EXPORT_CHOICES)[number];
export const IMPORT_CHOICES = ['ps1', 'table', 'csv', 'iproute2', 'json'] as const;
export type ImportChoice = ImportRequest['format'];

/** The export's URL: a plain link downloads it (the server sends it as an attachment). */
export function exportUrl(format: ExportChoice): string {
  return `${EXCHANGE_API.export}?${new URLSearchParams({ format })}`;
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

export async function previewImport(
  body: Omit<ImportRequest, 'dryRun'>,
  signal?: AbortSignal,
): Promise<ImportAnswer> {
  const { data } = await request<ImportAnswer>(EXCHANGE_API.import, {
    method: 'POST',
    body: { ...body, dryRun: true },
    signal,
  });
  return data;
}

/** Applies the previewed text as one revision; If-Match on the revision it was previewed against. */
export async function applyImport(
  body: Omit<ImportRequest, 'dryRun'>,
  revision: number,
): Promise<ImportAnswer> {
  const { data } = await request<ImportAnswer>(EXCHANGE_API.import, {
    method: 'POST',
    body: { ...body, dryRun: false },
    ifMatch: revision,
  });
  return data;
}

export async function changeRoutes(
  body: RouteBatchBody,
  revision: number | undefined,
): Promise<RouteBatchAnswer> {
  const { data } = await request<RouteBatchAnswer>(EXCHANGE_API.routesBatch, {
    method: 'POST',
    body,
    ifMatch: revision,
  });
  return data;
}
