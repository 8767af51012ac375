/**
 * Test-NetConnection over POST /api/probe: a real ping from a Kubernetes VM (Linux driver), with
 * the path when -TraceRoute is given. On the simulated device the server answers 409 with the
 * reason (the probe needs the Linux driver), printed as an error record.
 */
import { call, type Handler, stringParam } from './env';

export const testNetConnection: Handler = async (env) => {
  const destination = stringParam(env.command, 'ComputerName') ?? '';
  const vm = stringParam(env.command, 'Vm') ?? 'master';
  const answer = await call(env, 'probeAddress', { body: { destination, vm } });
  if (!answer) return;
  const probe = answer.data;
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
