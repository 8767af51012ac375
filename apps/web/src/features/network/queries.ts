import type { PortSettings } from '@edgenet/network-config';
import type { PortAnswer, PortList } from '@edgenet/network-config/contract';
import { queryOptions } from '@tanstack/react-query';
import { getJson, request } from '../../lib/api';
import { REVISIONED } from '../../lib/queries';
import { URLS } from '../../lib/urls';

export const portQueries = {
  all: ['ports'] as const,
  list: () =>
    queryOptions({
      queryKey: [...portQueries.all, 'list'] as const,
      queryFn: ({ signal }) => getJson<PortList>(URLS.ports, { signal }),
      meta: REVISIONED,
    }),
};

export function putPort(
  name: string,
  settings: PortSettings,
  revision: number,
  lifecycle: { acknowledge?: string[]; headers?: Record<string, string> } = {},
) {
  return request<PortAnswer>(URLS.port(name), {
    method: 'PUT',
    body: lifecycle.acknowledge?.length
      ? { ...settings, acknowledge: lifecycle.acknowledge }
      : settings,
    ifMatch: revision,
    headers: lifecycle.headers,
  });
}
