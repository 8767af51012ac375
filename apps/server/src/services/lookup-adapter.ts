/**
 * TEMPORARY ADAPTER (remove when the core's `RouteTable.matches` no longer walks every prefix).
 *
 * The core's `lookupRoute(device, destination, vm, table)` explains its choice with
 * `table.matches(address)`, which filters all the table's prefixes with bigint arithmetic: 5.7 ms
 * per lookup at 10,000 routes (≈150 lookups/s over HTTP), where the table's own `lookup` takes
 * 2 µs. Until the core walks only the prefixes that contain the address, this index hands
 * `lookupRoute` an object whose `matches` finds them by exact key, one per prefix length present
 * (≤ 33 for IPv4), and orders them exactly as `RouteTable.matches` does: longest prefix first; on
 * one prefix, lowest metric first, then the order of insertion. The choice and the explanation are
 * still made by the core's `lookupRoute`; a property test (test/lookup-adapter.test.ts) checks the
 * answers are identical to the core's own table.
 */
import {
  buildEffectiveTable,
  type DeviceConfig,
  effectiveRoutes,
  type IpAddress,
  type MatchOutcome,
  parsePrefix,
  prefixOf,
  type RouteMatch,
} from '@edgenet/network-config';

type EffectiveTable = ReturnType<typeof buildEffectiveTable>;
type Entry = ReturnType<EffectiveTable['matches']>[number]['entry'];

function key(family: number, length: number, network: bigint): string | number {
  // An IPv4 prefix fits a double exactly: length · 2^32 + network (no bigint to text per lookup).
  return family === 4 ? length * 2 ** 32 + Number(network) : `${length}/${network}`;
}

export class MatchIndex {
  private readonly groups = new Map<string | number, Entry[]>();
  /** Prefix lengths present per family, longest first. */
  private readonly lengths = new Map<number, number[]>();

  constructor(entries: readonly Entry[]) {
    const lengths = new Map<number, Set<number>>();
    for (const entry of entries) {
      const { family, length, network } = entry.prefix;
      const k = key(family, length, network);
      let group = this.groups.get(k);
      if (!group) {
        group = [];
        this.groups.set(k, group);
      }
      group.push(entry);
      const set = lengths.get(family) ?? new Set<number>();
      set.add(length);
      lengths.set(family, set);
    }
    // A stable sort keeps insertion order among equal metrics, as the core's table does.
    for (const group of this.groups.values()) group.sort((a, b) => a.metric - b.metric);
    for (const [family, set] of lengths)
      this.lengths.set(
        family,
        [...set].sort((a, b) => b - a),
      );
  }

  matches(address: IpAddress): RouteMatch<Entry>[] {
    const out: RouteMatch<Entry>[] = [];
    let first = true;
    for (const length of this.lengths.get(address.family) ?? []) {
      const group = this.groups.get(key(address.family, length, prefixOf(address, length).network));
      if (!group) continue;
      group.forEach((entry, i) => {
        const outcome: MatchOutcome =
          first && i === 0 ? 'chosen' : first ? 'higherMetric' : 'shorterPrefix';
        out.push({ entry, outcome });
      });
      first = false;
    }
    return out;
  }
}

/**
 * The table to pass to `lookupRoute` for this device: the core's own table, with `matches`
 * answered from the index. The entries are the core's effective routes with their parsed prefix
 * and metric, the shape `buildEffectiveTable` gives its table.
 */
export function fastLookupTable(device: DeviceConfig): EffectiveTable {
  const table = buildEffectiveTable(device);
  const entries: Entry[] = effectiveRoutes(device).map((route) => ({
    ...route,
    prefix: parsePrefix(route.destinationPrefix),
    metric: route.routeMetric,
  }));
  const index = new MatchIndex(entries);
  return new Proxy(table, {
    get(target, property, receiver) {
      if (property === 'matches') return (address: IpAddress) => index.matches(address);
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
