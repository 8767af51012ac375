import type { AnswerOf, InputOf } from '@edgenet/network-config/contract/client';
import { api } from '../../lib/api';
import { CONFIGURATION_WRITE, useWrite, type WriteOptions } from '../../lib/writes';

/** POST /api/console: the server runs the line with the same engine as `edgenet-ps`. */
export type ConsoleAnswer = AnswerOf<'runConsoleLine'>;
export type ConsoleStream = ConsoleAnswer['chunks'][number]['stream'];
/** The line, the language of its messages and the columns tables are formatted to. */
export type ConsoleLine = NonNullable<InputOf<'runConsoleLine'>['body']>;

async function runConsoleLine(body: ConsoleLine): Promise<ConsoleAnswer> {
  return (await api.call('runConsoleLine', { body })).data;
}

/**
 * POST /api/console. Whatever the line changed (routes, compute) is refetched for every page, in
 * the background: the answer shows at once.
 */
export function useRunConsoleLineMutation(options?: WriteOptions<ConsoleAnswer, ConsoleLine>) {
  return useWrite(runConsoleLine, { ...CONFIGURATION_WRITE, inBackground: true }, options);
}
