/** The SQLite store: durability settings, migrations, revisions, the exclusive lock. */

import { join } from 'node:path';
import { createDefaultDevice } from '@edgenet/network-config';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, DataDirInUseError, MIGRATIONS } from '../src/store/database';
import { StaleRevisionError, Store } from '../src/store/store';
import { tempDir } from './helpers';

const ACCOUNT = { passwordHash: 'scrypt$4096$8$1$c2FsdA==$a2V5', mustChange: true };

let stores: Store[] = [];
function open(dir = tempDir()): Store {
  const store = Store.open(dir);
  stores.push(store);
  if (store.isEmpty) store.initialize({ document: createDefaultDevice(), account: ACCOUNT });
  return store;
}
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

describe('the store', () => {
  it('runs WAL with synchronous=FULL, locked exclusively, schema at the latest migration', () => {
    const store = open();
    expect(store.diagnostics()).toEqual({
      journalMode: 'wal',
      synchronous: 2,
      lockingMode: 'exclusive',
      schemaVersion: Math.max(...MIGRATIONS.map((m) => m.version)),
    });
    expect(store.integrityCheck()).toBe('ok');
  });

  it('starts at revision 1, the factory document, and keeps every revision', () => {
    const dir = tempDir();
    const store = open(dir);
    expect(store.revision).toBe(1);
    const document = { ...store.current, name: 'renamed' };
    expect(store.commit({ basedOn: 1, author: 'admin@test', summary: 'rename', document })).toBe(2);
    expect(store.current.name).toBe('renamed');
    expect(() => store.commit({ basedOn: 1, author: 'b', summary: 'late', document })).toThrow(
      StaleRevisionError,
    );
    store.close();
    const again = open(dir);
    expect(again.revision).toBe(2);
    expect(again.current.name).toBe('renamed');
    expect(again.revisionDocument(1)?.name).toBe('edgenet-device');
    expect(again.listRevisions(10).map((r) => [r.number, r.author, r.summary])).toEqual([
      [2, 'admin@test', 'rename'],
      [1, 'system', 'Factory configuration'],
    ]);
    expect(again.listRevisions(10, 2).map((r) => r.number)).toEqual([1]);
  });

  it('hands out a frozen document (a handler cannot change the cache in place)', () => {
    const store = open();
    expect(() => {
      (store.current.ports[0] as { address: string | null }).address = '1.2.3.4';
    }).toThrow(TypeError);
  });

  it('refuses a second server on the same data directory', () => {
    const dir = tempDir();
    open(dir);
    expect(() => Store.open(dir)).toThrow(DataDirInUseError);
  });

  it('applies migrations once and refuses a database newer than the code', () => {
    const dir = tempDir();
    open(dir).close();
    stores = [];
    const db = new Database(join(dir, DATABASE_FILE));
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(
      MIGRATIONS.length,
    );
    db.prepare('INSERT INTO schema_migrations VALUES (999, ?, ?)').run(
      'future',
      new Date().toISOString(),
    );
    db.close();
    expect(() => Store.open(dir)).toThrow(/newer than this server knows/);
  });

  it('stores jobs and the account', () => {
    const store = open();
    expect(store.account()).toMatchObject({
      mustChange: true,
      consecutiveFailures: 0,
      lockedUntil: null,
    });
    store.updateAccount({ consecutiveFailures: 2 });
    expect(store.account().consecutiveFailures).toBe(2);
    const job = {
      id: 'j1',
      kind: 'compute.apply',
      state: 'running' as const,
      progress: 0,
      steps: [{ name: 'a', state: 'pending' as const }],
      error: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      revision: 1,
    };
    store.saveJob(job);
    expect(store.runningJobs()).toHaveLength(1);
    store.saveJob({ ...job, state: 'failed', error: 'x' });
    expect(store.job('j1')).toMatchObject({ state: 'failed', error: 'x' });
    expect(store.latestJob()?.id).toBe('j1');
    expect(store.runningJobs()).toHaveLength(0);
  });
});
