/**
 * Starts the edgenet server: options from the environment (README), listen, and close cleanly on
 * Ctrl-C / SIGTERM (the running job is aborted and recorded, the database closed).
 */
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { ConfigError, optionsFromEnv } from './config';

const started = performance.now();

async function main(): Promise<void> {
  let options: ReturnType<typeof optionsFromEnv>;
  try {
    options = optionsFromEnv(process.env, Boolean(process.stdout.isTTY));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`edgenet: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // `--clean` (or `npm start -- --clean`, which npm hands over as npm_config_clean): remove the
  // Linux driver's namespaces of this data directory, then exit.
  if (process.argv.includes('--clean') || process.env.npm_config_clean === 'true') {
    const { cleanNetwork } = await import('./driver/linux/clean');
    process.exit(await cleanNetwork(options));
  }
  const port = Number(process.env.PORT || 8080);
  // `localhost` listens on both 127.0.0.1 and ::1; HOST=0.0.0.0 exposes the console (README).
  const host = process.env.HOST || 'localhost';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(
      `edgenet: PORT=${process.env.PORT}: expected a whole number from 0 to 65535\n`,
    );
    process.exit(2);
  }
  const app = await buildApp({ ...options, lazySerializers: true });

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an error');
    else app.log.info({ signal }, 'closing');
    await app.close();
  });

  await app.listen({ port, host });
  app.log.info(
    { startMs: Math.round(performance.now() - started), web: options.webDir },
    'edgenet ready',
  );
}

main().catch((error) => {
  process.stderr.write(
    `edgenet: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
