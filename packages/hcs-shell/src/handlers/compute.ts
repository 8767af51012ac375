/** Get-/Set-HcsKubeClusterNetworkInfo over /api/compute. */
import { API } from '@edgenet/network-config';
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
  env.out.objects(
    [
      {
        PodSubnet: compute.podCidr,
        ServiceSubnet: compute.serviceCidr,
        ComputeState: compute.state,
      },
    ],
    { kind: 'list' },
    { single: true },
  );
};

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
    const body: ComputeSettingsBody = {
      computePort: compute.computePort,
      nodeIpRange: compute.nodeIpRange,
      serviceIpRange: compute.serviceIpRange,
      podCidr: stringParam(env.command, 'PodSubnet') ?? '',
      serviceCidr: stringParam(env.command, 'ServiceSubnet') ?? '',
    };
    const res = await send(env, 'PUT', API.compute, body, { 'If-Match': ifMatch });
    if (res.status === 412 && attempt === 0) continue;
    if (res.status < 200 || res.status >= 300) return emitFailure(env, res);
    emitWarnings(env, res.body);
    const jobId = res.status === 202 ? jobIdOf(res.body) : null;
    if (jobId) env.out.info(msg.computeJobStarted(jobId));
    return;
  }
};
