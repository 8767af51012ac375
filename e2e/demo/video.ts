/**
 * Video for the demo. Playwright records video with its own ffmpeg build, a download these machines
 * cannot reach; Debian's ffmpeg (`apt-get install ffmpeg`) understands the same arguments. This
 * points Playwright's tool directory (`PLAYWRIGHT_BROWSERS_PATH`, used here for ffmpeg only: the
 * browser is Debian's Chromium, by path) at a folder where Playwright's ffmpeg name leads to
 * Debian's. It must run before Playwright is loaded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function ffmpegRevision(): string {
  const core = dirname(require.resolve('playwright-core/package.json'));
  const browsers = JSON.parse(readFileSync(join(core, 'browsers.json'), 'utf8')) as {
    browsers: { name: string; revision: string }[];
  };
  const ffmpeg = browsers.browsers.find((b) => b.name === 'ffmpeg');
  if (!ffmpeg) throw new Error('playwright-core/browsers.json names no ffmpeg');
  return ffmpeg.revision;
}

/** Debian's ffmpeg, installed with apt when missing and allowed (root, as ensure-chromium.sh does). */
function findOrInstallFfmpeg(): string | null {
  const path = process.env.FFMPEG_PATH || '/usr/bin/ffmpeg';
  if (existsSync(path)) return path;
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get') && process.env.DEMO_INSTALL_FFMPEG !== '0') {
    console.log('Installing Debian’s ffmpeg for the demo video (apt-get install ffmpeg)…');
    try {
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'ffmpeg'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      return null;
    }
    return existsSync(path) ? path : null;
  }
  return null;
}

/** Makes video recording possible; false (with the reason printed) when it is not. */
export async function prepareVideo(): Promise<boolean> {
  if (process.env.DEMO_VIDEO === '0') return false;
  const ffmpeg = findOrInstallFfmpeg();
  if (!ffmpeg) {
    console.warn(
      'No ffmpeg: the demo runs without a video (screenshots only). Install it with\n' +
        '  sudo apt-get install -y --no-install-recommends ffmpeg\n' +
        'or set FFMPEG_PATH to an ffmpeg binary.',
    );
    return false;
  }
  const tools = join(tmpdir(), 'edgenet-e2e-playwright-tools');
  const dir = join(tools, `ffmpeg-${ffmpegRevision()}`);
  await mkdir(dir, { recursive: true });
  const link = join(dir, 'ffmpeg-linux');
  await rm(link, { force: true });
  await symlink(ffmpeg, link);
  process.env.PLAYWRIGHT_BROWSERS_PATH = tools;
  return true;
}
