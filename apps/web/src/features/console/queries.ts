import { request } from '../../lib/api';
import { URLS } from '../../lib/urls';

export type ConsoleStream = 'output' | 'warning' | 'info' | 'error';

/** POST /api/console: the server runs the line with the same engine as `edgenet-ps`. */
export interface ConsoleAnswer {
  output: string;
  chunks: { stream: ConsoleStream; text: string }[];
  error: boolean;
  exitCode: number;
}

export async function runConsoleLine(
  line: string,
  locale: 'en' | 'ja',
  width: number,
): Promise<ConsoleAnswer> {
  const res = await request<ConsoleAnswer>(URLS.console, {
    method: 'POST',
    body: { line, locale, width },
  });
  return res.data;
}
