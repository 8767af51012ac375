/**
 * The revisions as checkpoints plus deltas (ADR 0013), on real SQLite: every revision reads back
 * exactly as committed, across checkpoints and a reopen; and a database written by the first
 * schema (migration 1 only, whole documents) migrates forward with nothing lost.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createDefaultDevice, type DeviceConfig } from '@edgenet/network-config';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, MIGRATIONS } from '../src/store/database';
import { Store } from '../src/store/store';
import { tempDir } from './helpers';

const dirs: string[] = [];
function dir(): string {
  const d = tempDir('edgenet-revisions-');
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ACCOUNT = { passwordHash: 'scrypt$4096$8$1$c2FsdA==$a2V5', mustChange: false };

function withRoute(device: DeviceConfig, n: number): DeviceConfig {
  return {
    ...device,
    routes: [
      ...device.routes,
      {
        interfaceAlias: 'Port1',
        destinationPrefix: `10.${(n >> 8) & 255}.${n & 255}.0/24`,
        nextHop: '192.168.100.1',
        routeMetric: n % 33,
      },
    ],
  };
}

describe('checkpoints plus deltas', () => {
  it('every revision reads back as committed, across checkpoints and a reopen', {
    timeout: 60_000,
  }, () => {
    const d = dir();
    let store = Store.open(d);
    store.initialize({ document: createDefaultDevice(), account: ACCOUNT });
    const expected: DeviceConfig[] = [store.current];
    for (let n = 2; n <= 200; n++) {
      let next = withRoute(store.current, n);
      if (n % 40 === 0) next = { ...next, routes: next.routes.slice(10) };
      if (n % 70 === 0) next = { ...next, name: `device-${n}` };
      store.commit({ basedOn: store.revision, author: 't', summary: `r${n}`, document: next });
      expected.push(JSON.parse(JSON.stringify(next)));
    }
    store.close();
    store = Store.open(d);
    try {
      expect(store.revision).toBe(200);
      expect(store.current).toEqual(expected[199]);
      for (let n = 1; n <= 200; n++) expect(store.revisionDocument(n)).toEqual(expected[n - 1]);
      expect(store.revisionDocument(201)).toBeNull();
      // Deltas, not whole documents: far fewer checkpoints than revisions.
      const db = new Database(join(d, DATABASE_FILE), { readonly: true });
      store.close();
      const checkpoints = db
        .prepare('SELECT count(*) FROM revisions WHERE document IS NOT NULL')
        .pluck()
        .get() as number;
      db.close();
      expect(checkpoints).toBeGreaterThanOrEqual(1);
      expect(checkpoints).toBeLessThan(20);
    } finally {
      store.close();
    }
  });
});

describe('migrating a database written by the first schema', () => {
  it('keeps every revision, job and the account; new revisions are deltas on top', () => {
    const d = dir();
    // Today's released schema: migration 1 only, whole documents in every row.
    const old = new Database(join(d, DATABASE_FILE));
    old.exec(`CREATE TABLE schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    const first = MIGRATIONS.find((m) => m.version === 1);
    if (!first) throw new Error('migration 1 is missing');
    old.exec(first.sql);
    old
      .prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)')
      .run(first.name, '2026-01-01T00:00:00Z');
    const documents: DeviceConfig[] = [createDefaultDevice()];
    for (let n = 2; n <= 5; n++) documents.push(withRoute(documents[n - 2] as DeviceConfig, n));
    const insert = old.prepare(
      'INSERT INTO revisions (number, created_at, author, summary, document) VALUES (?, ?, ?, ?, ?)',
    );
    documents.forEach((doc, i) => {
      insert.run(
        i + 1,
        `2026-01-0${i + 1}T00:00:00Z`,
        i === 0 ? 'system' : 'admin@127.0.0.1',
        i === 0 ? 'Factory configuration' : `Route added ${i + 1}`,
        JSON.stringify(doc),
      );
    });
    old
      .prepare(
        `INSERT INTO jobs (id, kind, state, progress, steps, error, started_at, finished_at, revision)
         VALUES ('j1', 'compute.apply', 'succeeded', 100, '[]', NULL, '2026-01-02T00:00:00Z', NULL, 2)`,
      )
      .run();
    old
      .prepare('INSERT INTO account (id, password_hash, must_change) VALUES (1, ?, 0)')
      .run(ACCOUNT.passwordHash);
    old.close();

    const store = Store.open(d);
    try {
      expect(store.diagnostics().schemaVersion).toBeGreaterThanOrEqual(4);
      expect(store.revision).toBe(5);
      for (let n = 1; n <= 5; n++) expect(store.revisionDocument(n)).toEqual(documents[n - 1]);
      expect(
        store.listRevisions(10).map((r) => [r.number, r.source, r.summary, r.createdAt]),
      ).toEqual(
        [5, 4, 3, 2, 1].map((n) => [
          n,
          n === 1 ? 'system' : 'api',
          n === 1 ? 'Factory configuration' : `Route added ${n}`,
          `2026-01-0${n}T00:00:00Z`,
        ]),
      );
      expect(store.job('j1')?.state).toBe('succeeded');
      expect(store.account().passwordHash).toBe(ACCOUNT.passwordHash);
      expect(store.pending()).toBeNull();
      const next = withRoute(store.current, 6);
      store.commit({ basedOn: 5, author: 't', summary: 'six', document: next, source: 'web' });
      expect(store.revisionDocument(6)).toEqual(next);
      expect(store.revisionDocument(5)).toEqual(documents[4]);
      expect(store.listRevisions(1)[0]).toMatchObject({ number: 6, source: 'web' });
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      store.close();
    }
  });
});
