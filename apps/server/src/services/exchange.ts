/**
 * Export and import (SPEC §7.3): the server's part is only the order of the steps. The files are
 * written and read by the core (`exportConfiguration`, `parseImportText`, `planImport`) and by
 * hcs-shell for PowerShell (`parsePs1Import`); an import is checked, then stored as one revision
 * through the configuration store like any other write. (Bulk route changes: net-routes.ts.)
 */
import { parsePs1Import } from '@edgenet/hcs-shell';
import {
  type ExportFile,
  type ExportFormat,
  exportConfiguration,
  type ImportFormat,
  type ImportMode,
  localizeIssues,
  parseImportText,
  planImport,
} from '@edgenet/network-config';
import type { ImportAnswer } from '@edgenet/network-config/contract/exchange';
import { IMPORT_MAX_BYTES } from '@edgenet/network-config/contract/exchange';
import { TooLarge } from '../domain-errors';
import { type ConfigurationStore, domainPlugin } from './configuration-store';
import type { WriteContext } from './write-context';

export interface ImportInput {
  format: ImportFormat;
  text: string;
  mode?: ImportMode;
  dryRun?: boolean;
}

/** 413 for an import text of 10 MB or more, whatever its body's size. */
export function importTooLarge(): TooLarge {
  return new TooLarge('import.tooLarge', { megabytes: IMPORT_MAX_BYTES / 1e6 });
}

export class ExchangeService {
  constructor(private readonly config: ConfigurationStore) {}

  export(format: ExportFormat, now = new Date()): ExportFile {
    return exportConfiguration(this.config.device, format, {
      revision: this.config.revision,
      time: now.toISOString(),
    });
  }

  /**
   * A dry run (the default) answers the preview and changes nothing. Applying needs If-Match and
   * a text with no error; it stores one revision, or none when nothing would change.
   */
  import(input: ImportInput, context: WriteContext): ImportAnswer {
    // The byte length without encoding the whole text: UTF-16 length ≤ UTF-8 bytes ≤ 3× it.
    if (input.text.length >= IMPORT_MAX_BYTES || byteLength(input.text) >= IMPORT_MAX_BYTES) {
      throw importTooLarge();
    }
    const mode = input.mode ?? 'merge';
    const dryRun = input.dryRun ?? true;
    if (!dryRun) this.config.checkWrite(context, true);
    const device = this.config.device;
    const lines =
      input.format === 'ps1'
        ? parsePs1Import(input.text)
        : parseImportText(input.format, input.text, device.compute.computePort);
    const plan = planImport(device, lines, mode);
    let applied = false;
    if (!dryRun) {
      this.config.refuse(plan.issues);
      const { add, remove, change } = plan.counts;
      if (add + remove + change > 0) {
        this.config.commit(
          plan.device,
          { ...context, source: 'import' },
          `Import (${input.format}, ${mode}): ${add} added, ${change} changed, ${remove} removed`,
        );
        applied = true;
      }
    }
    return {
      format: input.format,
      mode,
      dryRun,
      applied,
      rows: plan.rows.map((row) => ({ ...row, issues: localizeIssues(row.issues) })),
      counts: plan.counts,
      revision: this.config.revision,
    };
  }
}

function byteLength(text: string): number {
  if (text.length * 3 < IMPORT_MAX_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

declare module 'fastify' {
  interface FastifyInstance {
    exchange: ExchangeService;
  }
}

export default domainPlugin(
  'edgenet-exchange',
  'exchange',
  (app) => new ExchangeService(app.config),
);
