import type { PortSettings } from '@edgenet/network-config';
import type { AnswerOf } from '@edgenet/network-config/contract/client';
import { api } from '../../lib/api';
import { confirmHeaders } from '../../lib/lifecycle';
import { revisionedQuery } from '../../lib/queries';
import { LIFECYCLE_WRITE, useWrite, type WriteOptions } from '../../lib/writes';

export const portQueries = {
  all: ['ports'] as const,
  list: () => revisionedQuery([...portQueries.all, 'list'], 'listPorts'),
};

export interface UpdatePort {
  name: string;
  settings: PortSettings;
  /** The revision the change is based on (If-Match). */
  revision: number;
  /** Warnings the admin has acknowledged (a management-port change, SPEC §7.2). */
  acknowledge?: string[];
  /** "Revert automatically unless I confirm". */
  confirm?: boolean;
}

async function updatePort({ name, settings, revision, acknowledge, confirm }: UpdatePort) {
  const answer = await api.call('updatePort', {
    params: { name },
    body: acknowledge?.length ? { ...settings, acknowledge } : settings,
    ifMatch: revision,
    headers: confirmHeaders(confirm ?? false),
  });
  return answer.data;
}

/** PUT /api/ports/:name. */
export function useUpdatePortMutation(options?: WriteOptions<AnswerOf<'updatePort'>, UpdatePort>) {
  return useWrite(updatePort, LIFECYCLE_WRITE, options);
}
