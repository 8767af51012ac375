// Installs the workspace's dependencies when they are missing or older than the lockfile, so that
// `npm start` and `npm test` work on a fresh clone with nothing else typed first.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
if (!fresh) {
  const env = { ...process.env };
  // better-sqlite3 compiles from source: use Node's own headers rather than downloading them.
  if (!env.npm_config_nodedir) {
    for (const dir of [join(dirname(process.execPath), '..'), '/usr', '/usr/local']) {
      if (existsSync(join(dir, 'include', 'node', 'node.h'))) {
        env.npm_config_nodedir = dir;
        break;
      }
    }
  }
  console.log('Installing dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env });
}
