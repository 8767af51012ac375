/**
 * Storage benchmark (issue 9, ADR 0013): 10,000 routes added one at a time, one revision each.
 * Prints the database size and the time to read and to diff a revision after 1,000 and 10,000
 * additions, for the checkpoints-plus-deltas store (the real RevisionLog and migrations), beside
 * the first design (the whole document in every row) measured in the same run.
 *
 * The first design grows with n² (row n holds n routes), so it is measured to 2,000 additions
 * and extrapolated to 10,000 from its own curve (said so in the output). Both run with
 * `synchronous=OFF`: fsync changes neither the size nor the read time, only how long the run
 * takes (the server runs with FULL).
 *
 *   npm run bench -w apps/server            (both benchmarks)
 *   npx tsx apps/server/bench/revisions.bench.ts [additions]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDefaultDevice, type DeviceConfig, diffConfig } from '@edgenet/network-config';
import Database from 'better-sqlite3';
import { type Db, MIGRATIONS, openDatabase } from '../src/store/database';
import { RevisionLog } from '../src/store/revision-log';

const TOTAL = Number(process.argv[2] ?? 10_000);
const MARKS = [1_000, TOTAL].filter((m, i, a) => m <= TOTAL && a.indexOf(m) === i);
const OLD_MARKS = [500, 1_000, 2_000].filter((m) => m <= TOTAL);

function route(n: number) {
  return {
    interfaceAlias: 'Port1',
    destinationPrefix: `10.${(n >> 8) & 255}.${n & 255}.0/24`,
    nextHop: '192.168.100.1',
    routeMetric: n % 33,
  };
}

function sizeOf(db: Db | Database.Database): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pages = Number(db.pragma('page_count', { simple: true }));
  const size = Number(db.pragma('page_size', { simple: true }));
  return pages * size;
}

function time(fn: () => void, runs: number): { median: number; max: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)] as number,
    max: samples.at(-1) as number,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const ms = (t: number) => `${t.toFixed(1)} ms`;

interface Mark {
  additions: number;
  bytes: number;
  read?: { median: number; max: number };
  diff?: { median: number; max: number };
}

function benchDeltas(dir: string): Mark[] {
  const db = openDatabase(dir);
  db.pragma('synchronous = OFF');
  const log = new RevisionLog(db);
  let doc: DeviceConfig = createDefaultDevice();
  const insert = db.transaction((n: number, previous: DeviceConfig | null, next: DeviceConfig) => {
    log.append(
      {
        number: n,
        createdAt: new Date().toISOString(),
        author: 'bench',
        source: 'api',
        summary: `Route added ${n}`,
      },
      previous,
      next,
      JSON.stringify(next),
    );
  });
  insert(1, null, doc);
  const marks: Mark[] = [];
  for (let i = 1; i <= TOTAL; i++) {
    const next = { ...doc, routes: [...doc.routes, route(i)] };
    insert(i + 1, doc, next);
    doc = next;
    if (MARKS.includes(i)) {
      const last = i + 1;
      // Random revisions, and the worst case: the one just before a checkpoint.
      const pick = () => 1 + Math.floor(Math.random() * last);
      const read = time(() => {
        if (!log.document(pick())) throw new Error('missing revision');
      }, 40);
      const diff = time(() => {
        const a = log.document(pick());
        const b = log.document(pick());
        if (!a || !b) throw new Error('missing revision');
        diffConfig(a, b);
      }, 20);
      marks.push({ additions: i, bytes: sizeOf(db), read, diff });
    }
  }
  db.close();
  return marks;
}

function benchWholeDocuments(dir: string): Mark[] {
  const db = new Database(join(dir, 'old.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.exec((MIGRATIONS.find((m) => m.version === 1) as { sql: string }).sql);
  const insert = db.prepare(
    'INSERT INTO revisions (number, created_at, author, summary, document) VALUES (?, ?, ?, ?, ?)',
  );
  const read = db.prepare<[number], { document: string }>(
    'SELECT document FROM revisions WHERE number = ?',
  );
  let doc: DeviceConfig = createDefaultDevice();
  insert.run(1, new Date().toISOString(), 'bench', 'factory', JSON.stringify(doc));
  const marks: Mark[] = [];
  const last = OLD_MARKS.at(-1) ?? 0;
  for (let i = 1; i <= last; i++) {
    doc = { ...doc, routes: [...doc.routes, route(i)] };
    insert.run(i + 1, new Date().toISOString(), 'bench', `Route added ${i}`, JSON.stringify(doc));
    if (OLD_MARKS.includes(i)) {
      const pick = () => 1 + Math.floor(Math.random() * (i + 1));
      marks.push({
        additions: i,
        bytes: sizeOf(db),
        read: time(() => JSON.parse(read.get(pick())?.document ?? 'null'), 40),
        diff: time(() => {
          diffConfig(
            JSON.parse(read.get(pick())?.document ?? '{}'),
            JSON.parse(read.get(pick())?.document ?? '{}'),
          );
        }, 20),
      });
    }
  }
  db.close();
  return marks;
}

/** Bytes at n for a design growing as a + b·n² (row n holds n routes), fitted on two marks. */
function extrapolate(marks: Mark[], n: number): number {
  const [p, q] = marks.slice(-2) as [Mark, Mark];
  const b = (q.bytes - p.bytes) / (q.additions ** 2 - p.additions ** 2);
  const a = q.bytes - b * q.additions ** 2;
  return a + b * n * n;
}

const dir = mkdtempSync(join(tmpdir(), 'edgenet-bench-revisions-'));
try {
  console.log(`Revision storage: ${TOTAL} routes added one at a time (one revision each)\n`);
  const started = performance.now();
  const deltas = benchDeltas(dir);
  console.log(
    `checkpoints + deltas (ran in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  for (const m of deltas) {
    console.log(
      `  after ${String(m.additions).padStart(6)} additions: ${mb(m.bytes).padStart(10)}; read a revision ${ms(m.read?.median ?? 0)} (max ${ms(m.read?.max ?? 0)}); diff two ${ms(m.diff?.median ?? 0)} (max ${ms(m.diff?.max ?? 0)})`,
    );
  }
  const old = benchWholeDocuments(dir);
  console.log('whole document per revision (the first design)');
  for (const m of old) {
    console.log(
      `  after ${String(m.additions).padStart(6)} additions: ${mb(m.bytes).padStart(10)}; read a revision ${ms(m.read?.median ?? 0)}; diff two ${ms(m.diff?.median ?? 0)}`,
    );
  }
  const first = deltas[0];
  const last = deltas.at(-1);
  if (first && last && last !== first) {
    const oldAtFirst =
      old.find((m) => m.additions === first.additions)?.bytes ?? extrapolate(old, first.additions);
    const oldAtLast = extrapolate(old, last.additions);
    console.log(
      `  extrapolated (a + b·n², fitted on the last two marks) to ${last.additions}: ${mb(oldAtLast)}`,
    );
    console.log('\nratios');
    console.log(
      `  checkpoints + deltas, size at ${last.additions} / size at ${first.additions}: ${(last.bytes / first.bytes).toFixed(1)}× (linear growth: ${(last.additions / first.additions).toFixed(0)}×)`,
    );
    console.log(
      `  whole documents,      size at ${last.additions} / size at ${first.additions}: ${(oldAtLast / oldAtFirst).toFixed(1)}× (extrapolated)`,
    );
    console.log(
      `  whole documents / checkpoints + deltas at ${first.additions}: ${(oldAtFirst / first.bytes).toFixed(1)}×; at ${last.additions}: ${(oldAtLast / last.bytes).toFixed(0)}× (extrapolated)`,
    );
    const ok =
      last.bytes < 30 * 1024 * 1024 && (last.read?.max ?? 0) < 50 && (last.diff?.median ?? 0) < 50;
    console.log(
      `\nbudget (SPEC §7.1): < 30 MB and < 50 ms to read or diff at ${last.additions}: ${ok ? 'met' : 'NOT MET'}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
