import type { PortSettings } from '@edgenet/network-config';
import type { PortAnswer, PortList } from '@edgenet/network-config/contract';
import { queryOptions } from '@tanstack/react-query';
import { getJson, request } from '../../lib/api';
import { confirmHeaders } from '../../lib/lifecycle';
import { REVISIONED } from '../../lib/queries';
import { URLS } from '../../lib/urls';
import { LIFECYCLE_WRITE, useWrite, type WriteOptions } from '../../lib/writes';

export const portQueries = {
  all: ['ports'] as const,
  list: () =>
    queryOptions({
      queryKey: [...portQueries.all, 'list'] as const,
      queryFn: ({ signal }) => getJson<PortList>(URLS.ports, { signal }),
      meta: REVISIONED,
    }),
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

function updatePort({ name, settings, revision, acknowledge, confirm }: UpdatePort) {
  return request<PortAnswer>(URLS.port(name), {
    method: 'PUT',
    body: acknowledge?.length ? { ...settings, acknowledge } : settings,
    ifMatch: revision,
    headers: confirmHeaders(confirm ?? false),
  });
}

/** PUT /api/ports/:name. */
export function useUpdatePortMutation(
  options?: WriteOptions<Awaited<ReturnType<typeof updatePort>>, UpdatePort>,
) {
  return useWrite(updatePort, LIFECYCLE_WRITE, options);
}
