/** Get-/Set-HcsKubeClusterNetworkInfo over /api/compute. */
import { API, formatIssue, normalizeClusterCidr } from '@edgenet/network-config';
import type { Compute, ComputeSettingsBody } from '@edgenet/network-config/contract';
import { msg } from '../messages';
import {
  emitFailure,
  emitWarnings,
  type Handler,
  isObject,
  okBody,
  send,
  stringParam,
} from './env';

function isCompute(body: unknown): boolean {
  return isObject(body) && typeof body.podCidr === 'string' && typeof body.serviceCidr === 'string';
}

export const getHcsKubeClusterNetworkInfo: Handler = async (env) => {
  const res = await send(env, 'GET', API.compute);
  const compute = okBody<Compute>(res, [200], isCompute);
  if (!compute) return emitFailure(env, res);
  // The documented output: a table `Id PodSubnet ServiceSubnet` (SPEC §8).
  env.out.objects(
    [{ Id: CLUSTER_NETWORK_ID, PodSubnet: compute.podCidr, ServiceSubnet: compute.serviceCidr }],
    {
      kind: 'table',
      columns: [{ property: 'Id' }, { property: 'PodSubnet' }, { property: 'ServiceSubnet' }],
    },
    { single: true },
  );
};

/** (ours) The simulated cluster network's id: stable, in the GUID form the device prints. */
export const CLUSTER_NETWORK_ID = '6dbf23c3-f146-4d57-bdfc-76cad714cfd1';

/** The job id in a 202 answer: the job itself, `{ job }`, or `{ jobId }`. */
function jobIdOf(body: unknown): string | null {
  if (!isObject(body)) return null;
  if (isObject(body.job) && typeof body.job.id === 'string') return body.job.id;
  if (typeof body.jobId === 'string') return body.jobId;
  if (typeof body.id === 'string' && typeof body.state === 'string') return body.id;
  return null;
}

/**
 * Reads the compute document, changes the two CIDRs and writes it back with If-Match. A stale
 * revision (someone else wrote in between) is retried once with a fresh read; the server alone
 * decides whether the change is allowed (422 `compute.locked` once compute is Configured).
 */
export const setHcsKubeClusterNetworkInfo: Handler = async (env) => {
  for (let attempt = 0; ; attempt++) {
    const read = await send(env, 'GET', API.compute);
    const compute = okBody<Compute>(read, [200], isCompute);
    if (!compute) return emitFailure(env, read);
    const ifMatch = read.headers.etag ?? `"${compute.revision}"`;
    // The device's cmdlet takes `10.96.0.1/16` as the network `10.96.0.0/16`, and says so.
    const pod = normalizeClusterCidr(stringParam(env.command, 'PodSubnet') ?? '', 'podCidr');
    const service = normalizeClusterCidr(
      stringParam(env.command, 'ServiceSubnet') ?? '',
      'serviceCidr',
    );
    const body: ComputeSettingsBody = {
      computePort: compute.computePort,
      nodeIpRange: compute.nodeIpRange,
      serviceIpRange: compute.serviceIpRange,
      podCidr: pod.cidr,
      serviceCidr: service.cidr,
    };
    const res = await send(env, 'PUT', API.compute, body, { 'If-Match': ifMatch });
    if (res.status === 412 && attempt === 0) continue;
    if (res.status < 200 || res.status >= 300) return emitFailure(env, res);
    for (const normalized of [pod.issue, service.issue]) {
      if (normalized)
        env.out.warning({ en: formatIssue(normalized, 'en'), ja: formatIssue(normalized, 'ja') });
    }
    emitWarnings(env, res.body);
    const jobId = res.status === 202 ? jobIdOf(res.body) : null;
    if (jobId) env.out.info(msg.computeJobStarted(jobId));
    return;
  }
};
