/** `--clean`: removes every network namespace the Linux driver made for one data directory. */
import type { AppOptions } from '../../config';
import { processCanBuildNamespaces } from './capability';
import { LinuxDevice } from './linux-device';

/** Prints what it removed; returns the process exit code. */
export async function cleanNetwork(options: AppOptions): Promise<number> {
  if (!processCanBuildNamespaces()) {
    process.stderr.write(
      'edgenet: --clean removes the Linux driver’s network namespaces and needs root (CAP_NET_ADMIN)\n',
    );
    return 2;
  }
  const device = new LinuxDevice({ dataDir: options.dataDir, applyMs: 0, failStep: null });
  try {
    const removed = await device.clean();
    process.stdout.write(
      removed.length === 0
        ? `edgenet: nothing to clean for ${options.dataDir} (prefix ${device.prefix})\n`
        : `edgenet: removed ${removed.length} network namespaces of ${options.dataDir}: ${removed.join(' ')}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(
      `edgenet: --clean failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
