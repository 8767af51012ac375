/** Options from the environment: defaults, path resolution, refusals. */
import { describe, expect, it } from 'vitest';
import { ConfigError, optionsFromEnv } from '../src/config';

describe('optionsFromEnv', () => {
  it('has the documented defaults; relative paths resolve against the directory npm ran from', () => {
    const options = optionsFromEnv({ INIT_CWD: '/repo' });
    expect(options).toMatchObject({
      dataDir: '/repo/data',
      sku: 'pro-gpu',
      nodeCount: 1,
      applyMs: 6000,
      failStep: null,
      initialPassword: null,
      kiosk: false,
      sessionIdleSeconds: 900,
      lockoutThreshold: 5,
      rateLimitMax: 2000,
      logLevel: 'info',
      logger: 'json',
    });
    expect(options.webDir).toMatch(/apps\/web\/dist$/);
    expect(optionsFromEnv({ INIT_CWD: '/repo', EDGENET_WEB_DIR: 'web' }).webDir).toBe('/repo/web');
    expect(optionsFromEnv({ EDGENET_DATA_DIR: '/var/lib/edgenet' }).dataDir).toBe(
      '/var/lib/edgenet',
    );
    expect(optionsFromEnv({}, true).logger).toBe('pretty');
  });

  it('reads every variable', () => {
    const options = optionsFromEnv({
      EDGENET_SKU: 'mini-r',
      EDGENET_NODE_COUNT: '2',
      EDGENET_APPLY_MS: '0',
      EDGENET_FAIL_STEP: 'installCalico',
      EDGENET_INITIAL_PASSWORD: 'Demo#Pass1',
      EDGENET_KIOSK: 'true',
      EDGENET_SESSION_IDLE_SECONDS: '60',
      EDGENET_LOCKOUT_THRESHOLD: '3',
      EDGENET_LOCKOUT_SECONDS: '10',
      EDGENET_SIGNIN_DELAY_MS: '0',
      EDGENET_RATE_LIMIT: '0',
      EDGENET_SIGNIN_RATE_LIMIT: '5',
      LOG_LEVEL: 'debug',
    });
    expect(options).toMatchObject({
      sku: 'mini-r',
      nodeCount: 2,
      applyMs: 0,
      failStep: 'installCalico',
      initialPassword: 'Demo#Pass1',
      kiosk: true,
      sessionIdleSeconds: 60,
      lockoutThreshold: 3,
      lockoutSeconds: 10,
      signInDelayMs: 0,
      rateLimitMax: 0,
      signInRateLimitMax: 5,
      logLevel: 'debug',
    });
  });

  it.each([
    ['EDGENET_SKU', 'pro-x'],
    ['EDGENET_NODE_COUNT', '3'],
    ['EDGENET_APPLY_MS', '-1'],
    ['EDGENET_KIOSK', 'maybe'],
    ['EDGENET_SESSION_IDLE_SECONDS', '1.5'],
  ])('refuses %s=%s with a clear message', (key, value) => {
    expect(() => optionsFromEnv({ [key]: value })).toThrow(ConfigError);
    expect(() => optionsFromEnv({ [key]: value })).toThrow(key);
  });
});
