import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixtures from '../test/fixtures/lookups.json';
import { formatIpAddress, type IpAddress, parseIpAddress } from './address';
import { type IpPrefix, parsePrefix } from './prefix';
import { RouteTable, type RouteTableEntry } from './route-table';

interface Entry extends RouteTableEntry {
  id: string;
}

describe('RouteTable (fixtures)', () => {
  const entries: Entry[] = fixtures.routes.map((r) => ({
    id: r.id,
    prefix: parsePrefix(r.prefix),
    metric: r.metric,
  }));
  const table = new RouteTable(entries);

  it.each(fixtures.probes)('$address → $chosen', (probe) => {
    const address = parseIpAddress(probe.address);
    expect(table.lookup(address)?.id).toBe(probe.chosen);
    expect(table.lookupText(probe.address)?.id).toBe(probe.chosen);
    const matches = table.matches(address);
    expect(matches[0]?.entry.id).toBe(probe.chosen);
    if ('matches' in probe && probe.matches) {
      expect(matches.map((m) => [m.entry.id, m.outcome])).toEqual(probe.matches);
    }
  });

  it('holds every entry, duplicates included', () => {
    expect(table.size).toBe(entries.length);
  });

  it('an empty table finds nothing', () => {
    const empty = new RouteTable<Entry>([]);
    expect(empty.lookupText('8.8.8.8')).toBeNull();
    expect(empty.lookupText('::1')).toBeNull();
    expect(empty.matches(parseIpAddress('8.8.8.8'))).toEqual([]);
  });

  it('IPv4 and IPv6 entries never answer for each other', () => {
    const v6only = new RouteTable<Entry>([{ id: 'v6', prefix: parsePrefix('::/0'), metric: 1 }]);
    expect(v6only.lookupText('0.0.0.0')).toBeNull();
    expect(v6only.lookupText('::')?.id).toBe('v6');
    const v4only = new RouteTable<Entry>([
      { id: 'v4', prefix: parsePrefix('0.0.0.0/0'), metric: 1 },
    ]);
    expect(v4only.lookupText('::')).toBeNull();
    expect(v4only.lookupText('255.255.255.255')?.id).toBe('v4');
  });

  it('lookupText refuses what is not an address', () => {
    expect(() => table.lookupText('192.168.21.0/24')).toThrow(
      expect.objectContaining({ code: 'address.invalid' }),
    );
  });
});

// ---- Properties against a linear scan ----

interface Indexed extends RouteTableEntry {
  index: number;
}

function bitsOf(family: 4 | 6): bigint {
  return family === 4 ? 32n : 128n;
}

/** The oracle's own containment: compare the top `length` bits. */
function covers(prefix: IpPrefix, address: IpAddress): boolean {
  if (prefix.family !== address.family) return false;
  const shift = bitsOf(prefix.family) - BigInt(prefix.length);
  return address.value >> shift === prefix.network >> shift;
}

/** Longest prefix, then lowest metric, then first added. */
function linearScan(entries: readonly Indexed[], address: IpAddress): Indexed | null {
  let best: Indexed | null = null;
  for (const e of entries) {
    if (!covers(e.prefix, address)) continue;
    if (
      best === null ||
      e.prefix.length > best.prefix.length ||
      (e.prefix.length === best.prefix.length && e.metric < best.metric)
    )
      best = e;
  }
  return best;
}

function expectedMatches(entries: readonly Indexed[], address: IpAddress): Indexed[] {
  return entries
    .filter((e) => covers(e.prefix, address))
    .sort((a, b) => b.prefix.length - a.prefix.length || a.metric - b.metric || a.index - b.index);
}

function routeSets(family: 4 | 6) {
  const bits = bitsOf(family);
  const max = (1n << bits) - 1n;
  const full = Number(bits);
  const interesting =
    family === 4
      ? [0n, max, 0x0a000000n, 0xc0a81400n, 0xc0a81500n, 0xc0a815ffn, 0x80000000n]
      : [0n, max, 0x20010db8n << 96n, 0xfe80n << 112n, (0x20010db8n << 96n) | 1n, 1n << 127n];
  const value = fc.oneof(
    fc.constantFrom(...interesting),
    fc.bigInt({ min: 0n, max }),
    fc
      .tuple(fc.constantFrom(...interesting), fc.bigInt({ min: 0n, max: 255n }))
      .map(([b, low]) => (b ^ low) & max),
  );
  const length = fc.oneof(
    fc.constantFrom(0, full, full - 1, family === 4 ? 24 : 64, family === 4 ? 16 : 32, 8),
    fc.integer({ min: 0, max: full }),
  );
  const mask = (len: number) =>
    len === 0 ? 0n : (max >> BigInt(full - len)) << BigInt(full - len);
  const entry = fc
    .record({ value, length, metric: fc.integer({ min: 0, max: 4 }) })
    .map(({ value, length, metric }) => ({
      prefix: { family, network: value & mask(length), length } as IpPrefix,
      metric,
    }));
  return fc
    .tuple(fc.array(entry, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }))
    .map(([list, dupes]) => {
      // Re-add some prefixes with other metrics: same-prefix groups are where ties live.
      const withDupes = [...list];
      for (const d of dupes) {
        const source = list[d % Math.max(1, list.length)];
        if (source) withDupes.push({ prefix: source.prefix, metric: (source.metric + d) % 5 });
      }
      return withDupes.map((e, index): Indexed => ({ ...e, index }));
    })
    .chain((entries) => {
      const near = entries.flatMap((e) => {
        const last = e.prefix.network | (max >> BigInt(e.prefix.length));
        return [e.prefix.network, last, e.prefix.network - 1n, last + 1n].filter(
          (v) => v >= 0n && v <= max,
        );
      });
      const probe =
        near.length > 0
          ? fc.oneof(
              fc.constantFrom(...near),
              fc.bigInt({ min: 0n, max }),
              fc.constantFrom(0n, max),
            )
          : fc.oneof(fc.bigInt({ min: 0n, max }), fc.constantFrom(0n, max));
      return fc.tuple(fc.constant(entries), fc.array(probe, { minLength: 1, maxLength: 20 }));
    });
}

function checkTable(entries: Indexed[], probes: bigint[], family: 4 | 6) {
  const table = new RouteTable(entries);
  expect(table.size).toBe(entries.length);
  // Compared once per run, as lists of entry indexes: `expect` per probe would dominate the time.
  const got: unknown[] = [];
  const want: unknown[] = [];
  for (const value of probes) {
    const address: IpAddress = { family, value };
    const expected = linearScan(entries, address);
    const chosen = family === 4 ? table.lookupIPv4(Number(value)) : table.lookupIPv6(value);
    const all = expectedMatches(entries, address);
    const matches = table.matches(address);
    // The chosen entry must be the very object that was added, not a copy.
    got.push(
      chosen === null ? null : chosen === entries[chosen.index] ? chosen.index : 'copy',
      table.lookup(address)?.index ?? null,
      matches.map(
        (m) => `${m.entry === entries[m.entry.index] ? m.entry.index : 'copy'}:${m.outcome}`,
      ),
    );
    want.push(
      expected?.index ?? null,
      expected?.index ?? null,
      all.map((e, i) => {
        const outcome =
          i === 0
            ? 'chosen'
            : e.prefix.length === all[0]?.prefix.length
              ? 'higherMetric'
              : 'shorterPrefix';
        return `${e.index}:${outcome}`;
      }),
    );
  }
  expect(got).toEqual(want);
}

describe('properties: lookup against a linear scan', () => {
  it('IPv4: longest prefix, then lowest metric, then first added', () => {
    fc.assert(
      fc.property(routeSets(4), ([entries, probes]) => checkTable(entries, probes, 4)),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('IPv6: longest prefix, then lowest metric, then first added', () => {
    fc.assert(
      fc.property(routeSets(6), ([entries, probes]) => checkTable(entries, probes, 6)),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('IPv6: crowded /16 blocks (the second-level index) answer like the scan', () => {
    // 3,000 prefixes in two /16s (2001::/16 and 2400::/16), so both get a second level; probes
    // at each prefix's edges, inside and just outside, and around the /32 borders.
    const random = fc.sample(fc.bigInt({ min: 0n, max: (1n << 112n) - 1n }), {
      numRuns: 6000,
      seed: 17,
    });
    const max = (1n << 128n) - 1n;
    const entries: Indexed[] = random.slice(0, 3000).map((low, index) => {
      const length = 16 + (index % 113);
      const base = (index % 3 === 0 ? 0x2400n : 0x2001n) << 112n;
      const network = (base | low) & ((max >> BigInt(128 - length)) << BigInt(128 - length));
      return { prefix: { family: 6, network, length }, metric: index % 4, index };
    });
    const probes = entries.flatMap((e, i) => {
      const last = e.prefix.network | (max >> BigInt(e.prefix.length));
      const border = (e.prefix.network >> 96n) << 96n;
      return [e.prefix.network, last, e.prefix.network - 1n, last + 1n, border, border - 1n]
        .concat((random[3000 + i] as bigint) | (0x2001n << 112n))
        .filter((v) => v >= 0n && v <= max);
    });
    checkTable(entries, probes, 6);
  }, 30_000);

  it('mixed families in one table', () => {
    fc.assert(
      fc.property(routeSets(4), routeSets(6), ([v4, p4], [v6, p6]) => {
        const entries = [...v4, ...v6].map((e, index) => ({ ...e, index }));
        const table = new RouteTable(entries);
        const probes: IpAddress[] = [
          ...p4.map((value) => ({ family: 4 as const, value })),
          ...p6.map((value) => ({ family: 6 as const, value })),
        ];
        // The text path (parse, then look up) for a few probes; the number path for all.
        const got = probes.map((a, i) =>
          i % 5 === 0
            ? (table.lookupText(formatIpAddress(a))?.index ?? null)
            : (table.lookup(a)?.index ?? null),
        );
        expect(got).toEqual(probes.map((a) => linearScan(entries, a)?.index ?? null));
      }),
      { numRuns: 1000 },
    );
  }, 30_000);
});
