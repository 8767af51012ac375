/**
 * The revisions table as checkpoints plus deltas (ADR 0013): a revision stores either the whole
 * document (a checkpoint) or the core's diff from the revision before it (a delta, a few hundred
 * bytes for one route). A new checkpoint is written once the deltas since the last one add up to
 * a share of the document's size, so the checkpoints' total stays a small multiple of the latest
 * document (they grow geometrically), the database grows with the size of each change, and
 * reading any revision replays a bounded chain (≤ CHECKPOINT_SHARE × document size of deltas).
 */
import {
  applyDiffInPlace,
  type ConfigDiff,
  compactDiff,
  type DeviceConfig,
  diffConfig,
  type RevisionSource,
  summarizeDiff,
} from '@edgenet/network-config';
import type { Db } from './database';

/** Deltas since the last checkpoint may reach this share of the document before a new one. */
export const CHECKPOINT_SHARE = 0.25;
/** …or this many bytes, whichever is larger (small documents do not checkpoint every revision). */
export const CHECKPOINT_MIN_BYTES = 16 * 1024;

export interface RevisionMeta {
  number: number;
  createdAt: string;
  author: string;
  source: RevisionSource;
  summary: string;
  summaryJa: string;
}

interface MetaRow {
  number: number;
  created_at: string;
  author: string;
  source: RevisionSource;
  summary: string;
  summary_ja: string;
}

function metaOf(row: MetaRow): RevisionMeta {
  return {
    number: row.number,
    createdAt: row.created_at,
    author: row.author,
    source: row.source,
    summary: row.summary,
    summaryJa: row.summary_ja,
  };
}

export class RevisionLog {
  private readonly statements;
  /** Bytes of deltas written since the latest checkpoint. */
  private sinceCheckpoint: number;

  constructor(private readonly db: Db) {
    this.statements = {
      latest: db.prepare<[], { number: number }>(
        'SELECT number FROM revisions ORDER BY number DESC LIMIT 1',
      ),
      insert: db.prepare(
        `INSERT INTO revisions (number, created_at, author, source, summary, summary_ja, document, delta)
         VALUES (@number, @created_at, @author, @source, @summary, @summary_ja, @document, @delta)`,
      ),
      checkpoint: db.prepare<[number], { number: number; document: string }>(
        'SELECT number, document FROM revisions WHERE number <= ? AND document IS NOT NULL ORDER BY number DESC LIMIT 1',
      ),
      deltas: db
        .prepare<[number, number], string>(
          'SELECT delta FROM revisions WHERE number > ? AND number <= ? ORDER BY number',
        )
        .pluck(),
      deltaBytesSince: db
        .prepare<[number], number>(
          'SELECT coalesce(sum(length(delta)), 0) FROM revisions WHERE number > ?',
        )
        .pluck(),
      meta: db.prepare<[number], MetaRow>(
        'SELECT number, created_at, author, source, summary, summary_ja FROM revisions WHERE number = ?',
      ),
      list: db.prepare<[number, number], MetaRow>(
        'SELECT number, created_at, author, source, summary, summary_ja FROM revisions WHERE number < ? ORDER BY number DESC LIMIT ?',
      ),
    };
    const latest = this.statements.latest.get()?.number ?? 0;
    const checkpoint = latest > 0 ? (this.statements.checkpoint.get(latest)?.number ?? 0) : 0;
    this.sinceCheckpoint = latest > 0 ? (this.statements.deltaBytesSince.get(checkpoint) ?? 0) : 0;
  }

  latestNumber(): number {
    return this.statements.latest.get()?.number ?? 0;
  }

  /**
   * Writes revision `meta.number`, the change from `previous` (null: the first revision) to
   * `next` (whose JSON is `json`; objects `next` shares with `previous` are not compared). Call inside the caller's transaction when other rows change
   * with it. Returns the Japanese summary stored.
   */
  append(
    meta: Omit<RevisionMeta, 'summaryJa'> & { summaryJa?: string },
    previous: DeviceConfig | null,
    next: DeviceConfig,
    json: string,
  ): void {
    const diff: ConfigDiff | null = previous ? diffConfig(previous, next) : null;
    const summaryJa = meta.summaryJa ?? (diff ? summarizeDiff(diff).ja : meta.summary);
    const delta = diff ? JSON.stringify(compactDiff(diff)) : null;
    const checkpoint =
      delta === null ||
      this.sinceCheckpoint + delta.length >=
        Math.max(CHECKPOINT_MIN_BYTES, json.length * CHECKPOINT_SHARE);
    this.statements.insert.run({
      number: meta.number,
      created_at: meta.createdAt,
      author: meta.author,
      source: meta.source,
      summary: meta.summary,
      summary_ja: summaryJa,
      document: checkpoint ? json : null,
      delta: checkpoint ? null : delta,
    });
    this.sinceCheckpoint = checkpoint ? 0 : this.sinceCheckpoint + (delta?.length ?? 0);
  }

  /** Forgets the in-memory count after a rolled-back transaction (re-read from the table). */
  resync(): void {
    const latest = this.latestNumber();
    const checkpoint = latest > 0 ? (this.statements.checkpoint.get(latest)?.number ?? 0) : 0;
    this.sinceCheckpoint = latest > 0 ? (this.statements.deltaBytesSince.get(checkpoint) ?? 0) : 0;
  }

  /** The document of revision `number` (a fresh object the caller owns), or null. */
  document(number: number): DeviceConfig | null {
    if (!Number.isSafeInteger(number) || number < 1) return null;
    const read = this.db.transaction(() => {
      const checkpoint = this.statements.checkpoint.get(number);
      if (!checkpoint) return null;
      if (checkpoint.number !== number && !this.statements.meta.get(number)) return null;
      const document = JSON.parse(checkpoint.document) as DeviceConfig;
      for (const delta of this.statements.deltas.all(checkpoint.number, number)) {
        applyDiffInPlace(document, JSON.parse(delta) as Partial<ConfigDiff>);
      }
      return document;
    });
    return read();
  }

  meta(number: number): RevisionMeta | null {
    const row = this.statements.meta.get(number);
    return row ? metaOf(row) : null;
  }

  list(limit: number, before = Number.MAX_SAFE_INTEGER): RevisionMeta[] {
    return this.statements.list.all(before, limit).map(metaOf);
  }
}
