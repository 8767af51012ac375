/**
 * The JSON of a lookup answer, byte for byte what `JSON.stringify` writes, built faster.
 *
 * A lookup answer is mostly route objects: the chosen route and every candidate. The core hands
 * out one frozen object per route of a table, shared by every answer until the next revision
 * (`lookupRoute`), so each route's JSON is written once and reused from a WeakMap. Only the
 * destination, next hop and the two summaries are new per answer. A test keeps the output equal
 * to `JSON.stringify` for generated answers; ADR 0007 has the measurements.
 */
import type { EffectiveRoute } from '@edgenet/network-config';
import type { LookupAnswerDoc } from '@edgenet/network-config/contract';

const routeJson = new WeakMap<Readonly<EffectiveRoute>, string>();

function route(r: Readonly<EffectiveRoute>): string {
  let json = routeJson.get(r);
  if (json === undefined) {
    json = JSON.stringify(r);
    // Only frozen routes are the core's shared ones; anything else could change after this.
    if (Object.isFrozen(r)) routeJson.set(r, json);
  }
  return json;
}

export function lookupAnswerJson(answer: LookupAnswerDoc): string {
  const { candidates, summary } = answer.explanation;
  let list = '';
  for (const c of candidates) {
    list += `${list === '' ? '' : ','}{"route":${route(c.route)},"outcome":${JSON.stringify(c.outcome)}}`;
  }
  return (
    `{"destination":${JSON.stringify(answer.destination)},"vm":${JSON.stringify(answer.vm)}` +
    `,"route":${answer.route === null ? 'null' : route(answer.route)}` +
    `,"nextHop":${JSON.stringify(answer.nextHop)},"nic":${JSON.stringify(answer.nic)}` +
    `,"type":${JSON.stringify(answer.type)}` +
    `,"explanation":{"candidates":[${list}]` +
    `,"summary":{"en":${JSON.stringify(summary.en)},"ja":${JSON.stringify(summary.ja)}}}` +
    `${answer.kernel === undefined ? '' : `,"kernel":${JSON.stringify(answer.kernel)}`}}`
  );
}
