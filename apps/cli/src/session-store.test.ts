import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSessionPath, SessionStore } from './session-store';

function tempPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'edgenet-cli-')), 'nested', 'session.json');
}

describe('SessionStore', () => {
  it('keeps one cookie per origin in a 0600 file', () => {
    const path = tempPath();
    const store = new SessionStore(path);
    store.set('http://a:1', 'edgenet_session=1');
    store.set('http://b:2', 'edgenet_session=2');
    expect(store.get('http://a:1')).toBe('edgenet_session=1');
    expect(new SessionStore(path).get('http://b:2')).toBe('edgenet_session=2');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(1);
  });

  it('forgets a cookie, and removes the file with the last one', () => {
    const path = tempPath();
    const store = new SessionStore(path);
    store.set('http://a:1', 'c=1');
    store.delete('http://a:1');
    expect(store.get('http://a:1')).toBeNull();
    expect(() => statSync(path)).toThrow();
  });

  it('treats a damaged file as empty', () => {
    const path = tempPath();
    const store = new SessionStore(path);
    store.set('http://a:1', 'c=1');
    writeFileSync(path, '{ not json');
    expect(store.get('http://a:1')).toBeNull();
  });

  it('warns, without failing, when it cannot write', () => {
    const warnings: string[] = [];
    // A directory that cannot exist: its parent is a file.
    const file = join(mkdtempSync(join(tmpdir(), 'edgenet-cli-')), 'file');
    writeFileSync(file, '');
    const store = new SessionStore(join(file, 'session.json'), (m) => warnings.push(m));
    store.set('http://a:1', 'c=1');
    expect(warnings[0]).toMatch(/could not save the session/);
  });

  it('lives in EDGENET_SESSION_FILE, else under XDG_CONFIG_HOME', () => {
    expect(defaultSessionPath({ EDGENET_SESSION_FILE: '/x/s.json' })).toBe('/x/s.json');
    expect(defaultSessionPath({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/edgenet/session.json');
  });
});
