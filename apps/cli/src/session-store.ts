/**
 * The session cookie, kept between runs so each command does not sign in again: one JSON file
 * (mode 0600, in a 0700 directory) holding a cookie per server origin. A file that cannot be
 * read is treated as empty; one that cannot be written only costs a sign-in next time.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

interface SessionFile {
  version: 1;
  sessions: Record<string, { cookie: string; savedAt: string }>;
}

/** EDGENET_SESSION_FILE, else $XDG_CONFIG_HOME/edgenet/session.json, else ~/.config/…. */
export function defaultSessionPath(env: Record<string, string | undefined>): string {
  if (env.EDGENET_SESSION_FILE) return env.EDGENET_SESSION_FILE;
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'edgenet', 'session.json');
}

export class SessionStore {
  constructor(
    readonly path: string,
    private readonly onWarning: (message: string) => void = () => {},
  ) {}

  private read(): SessionFile {
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<SessionFile>;
      if (
        parsed &&
        parsed.version === 1 &&
        typeof parsed.sessions === 'object' &&
        parsed.sessions
      ) {
        return { version: 1, sessions: parsed.sessions };
      }
    } catch {
      // Missing or unreadable: no sessions.
    }
    return { version: 1, sessions: {} };
  }

  private write(file: SessionFile): void {
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      const temp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, this.path);
    } catch (error) {
      this.onWarning(
        `could not save the session in ${this.path} (${(error as Error).message}); you will be asked to sign in again next time.`,
      );
    }
  }

  get(origin: string): string | null {
    return this.read().sessions[origin]?.cookie ?? null;
  }

  set(origin: string, cookie: string): void {
    const file = this.read();
    file.sessions[origin] = { cookie, savedAt: new Date().toISOString() };
    this.write(file);
  }

  delete(origin: string): void {
    const file = this.read();
    if (!(origin in file.sessions)) return;
    delete file.sessions[origin];
    if (Object.keys(file.sessions).length === 0) {
      rmSync(this.path, { force: true });
    } else {
      this.write(file);
    }
  }
}
