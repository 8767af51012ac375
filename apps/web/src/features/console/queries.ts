import { request } from '../../lib/api';
import { URLS } from '../../lib/urls';
import { CONFIGURATION_WRITE, useWrite, type WriteOptions } from '../../lib/writes';

export type ConsoleStream = 'output' | 'warning' | 'info' | 'error';

/** POST /api/console: the server runs the line with the same engine as `edgenet-ps`. */
export interface ConsoleAnswer {
  output: string;
  chunks: { stream: ConsoleStream; text: string }[];
  error: boolean;
  exitCode: number;
}

export interface ConsoleLine {
  line: string;
  locale: 'en' | 'ja';
  /** Columns the server formats tables to. */
  width: number;
}

async function runConsoleLine(body: ConsoleLine): Promise<ConsoleAnswer> {
  const res = await request<ConsoleAnswer>(URLS.console, { method: 'POST', body });
  return res.data;
}

/**
 * POST /api/console. Whatever the line changed (routes, compute) is refetched for every page, in
 * the background: the answer shows at once.
 */
export function useRunConsoleLineMutation(options?: WriteOptions<ConsoleAnswer, ConsoleLine>) {
  return useWrite(runConsoleLine, { ...CONFIGURATION_WRITE, inBackground: true }, options);
}
