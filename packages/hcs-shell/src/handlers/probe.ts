/**
 * Test-NetConnection over POST /api/probe: a real ping from a Kubernetes VM (Linux driver), with
 * the path when -TraceRoute is given. On the simulated device the server answers 409 with the
 * reason (the probe needs the Linux driver), printed as an error record.
 */
import { API, type ProbeAnswer } from '@edgenet/network-config/contract';
import { emitFailure, type Handler, isObject, okBody, send, stringParam } from './env';

export const testNetConnection: Handler = async (env) => {
  const destination = stringParam(env.command, 'ComputerName') ?? '';
  const vm = stringParam(env.command, 'Vm') ?? 'master';
  const res = await send(env, 'POST', API.probe, { destination, vm });
  const probe = okBody<ProbeAnswer>(
    res,
    [200],
    (b) => isObject(b) && typeof b.reachable === 'boolean',
  );
  if (!probe) return emitFailure(env, res);
  const traceRoute = env.command.parameters.TraceRoute === true;
  env.out.objects(
    [
      {
        ComputerName: destination,
        RemoteAddress: probe.destination,
        SourceVm: probe.vm,
        InterfaceAlias: probe.route.route?.dev ?? null,
        NextHop: probe.route.nextHop,
        PingSucceeded: probe.reachable,
        PingReplyDetails: probe.rttMs === null ? null : `RTT ${probe.rttMs} ms`,
        ...(probe.error ? { Error: probe.error } : {}),
        ...(traceRoute ? { TraceRoute: probe.hops.map((h) => h.address ?? '*').join(', ') } : {}),
      },
    ],
    { kind: 'list' },
    { single: true },
  );
};
