/**
 * Export, import (SPEC §7.3) and bulk route changes: the server's part is only the order of the
 * steps. The files are written and read by the core (`exportConfiguration`, `parseImportText`,
 * `planImport`, `checkRouteBatch`) and by hcs-shell for PowerShell (`parsePs1Import`); a change is
 * checked, then stored as one revision through the configuration service like any other write.
 */
import { parsePs1Import } from '@edgenet/hcs-shell';
import {
  checkRouteBatch,
  type ExportFile,
  type ExportFormat,
  exportConfiguration,
  hasErrors,
  type ImportFormat,
  type ImportMode,
  localizeIssues,
  parseImportText,
  planImport,
} from '@edgenet/network-config';
import type {
  ImportAnswer,
  RouteBatchAnswer,
  RouteBatchBody,
} from '@edgenet/network-config/contract/exchange';
import { IMPORT_MAX_BYTES } from '@edgenet/network-config/contract/exchange';
import { HttpProblem, ruleViolation } from '../http/problems';
import type { ConfigurationService, WriteContext } from './configuration';

export interface ImportInput {
  format: ImportFormat;
  text: string;
  mode?: ImportMode;
  dryRun?: boolean;
}

/** 413 for an import text of 10 MB or more, whatever its body's size. */
export function importTooLarge(): HttpProblem {
  return new HttpProblem({
    status: 413,
    code: 'import.tooLarge',
    title: 'The file is too large to import',
    message: {
      en: `The file is ${IMPORT_MAX_BYTES / 1e6} MB or more; split it into smaller files.`,
      ja: `ファイルが ${IMPORT_MAX_BYTES / 1e6} MB 以上あります。小さなファイルに分けてください。`,
    },
  });
}

export class ExchangeService {
  constructor(private readonly config: ConfigurationService) {}

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
    if (!dryRun) this.config.checkPrecondition(context.precondition, true);
    const device = this.config.device;
    const lines =
      input.format === 'ps1'
        ? parsePs1Import(input.text)
        : parseImportText(input.format, input.text, device.compute.computePort);
    const plan = planImport(device, lines, mode);
    let applied = false;
    if (!dryRun) {
      if (hasErrors(plan.issues)) throw ruleViolation(plan.issues);
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

  /** Removes and changes several routes as one revision; If-Match required. */
  batch(body: RouteBatchBody, context: WriteContext): RouteBatchAnswer {
    this.config.checkPrecondition(context.precondition, true);
    const result = checkRouteBatch(this.config.device, body);
    if (hasErrors(result.issues)) throw ruleViolation(result.issues);
    const parts = [
      result.removed.length > 0 ? `${result.removed.length} removed` : '',
      result.changed.length > 0
        ? `${result.changed.length} changed${
            result.changed.length === 1
              ? ` (${result.changed[0]?.interfaceAlias} ${result.changed[0]?.destinationPrefix} metric ${result.changed[0]?.routeMetric})`
              : ''
          }`
        : '',
    ].filter(Boolean);
    if (parts.length > 0) {
      this.config.commit(result.device, context, `Routes: ${parts.join(', ')}`);
    }
    const device = this.config.device;
    return {
      removed: result.removed.length,
      changed: result.changed.map((r) => this.config.routeDocument(r, device)),
      issues: localizeIssues(result.issues),
      revision: this.config.revision,
    };
  }
}

function byteLength(text: string): number {
  if (text.length * 3 < IMPORT_MAX_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}
