import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixtures from '../test/fixtures/prefixes.json';
import { parseIpAddress } from './address';
import { NetConfigError } from './errors';
import {
  canonicalPrefix,
  formatPrefix,
  type IpPrefix,
  parsePrefix,
  prefixContains,
  prefixContainsPrefix,
  prefixesEqual,
  prefixesOverlap,
  prefixFirst,
  prefixLast,
  prefixOf,
  prefixSize,
  subnetOf,
  tryParsePrefix,
} from './prefix';

const RUNS = { numRuns: 1000 };

function thrown(fn: () => unknown): NetConfigError | null {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(NetConfigError);
    return error as NetConfigError;
  }
}

describe('parsePrefix (fixtures)', () => {
  it.each(fixtures.parse)('$text', (row) => {
    if ('canonical' in row && row.canonical) {
      const prefix = parsePrefix(row.text);
      expect(formatPrefix(prefix)).toBe(row.canonical);
      expect(canonicalPrefix(row.text)).toBe(row.canonical);
      expect(prefixSize(prefix)).toBe(BigInt(row.size as string));
      expect(tryParsePrefix(row.text)).toEqual(prefix);
    } else {
      const error = thrown(() => parsePrefix(row.text));
      expect(error?.code).toBe(row.code);
      if ('suggest' in row) expect(error?.params.canonical).toBe(row.suggest);
      expect(tryParsePrefix(row.text)).toBeNull();
    }
  });

  it.each(fixtures.noBareAddress)('$text without bare addresses', (row) => {
    if ('canonical' in row) {
      expect(formatPrefix(parsePrefix(row.text, { allowBareAddress: false }))).toBe(row.canonical);
    } else {
      expect(thrown(() => parsePrefix(row.text, { allowBareAddress: false }))?.code).toBe(row.code);
    }
  });

  it('SPEC §2: 192.168.20.5/24 is refused, offering 192.168.20.0/24', () => {
    const error = thrown(() => parsePrefix('192.168.20.5/24'));
    expect(error?.code).toBe('prefix.hostBits');
    expect(error?.params).toEqual({ value: '192.168.20.5/24', canonical: '192.168.20.0/24' });
  });
});

describe('prefix containment (fixtures)', () => {
  it.each(fixtures.contains)('$outer ⊇ $inner: $contains', ({ outer, inner, contains }) => {
    const a = parsePrefix(outer);
    const b = parsePrefix(inner);
    expect(prefixContainsPrefix(a, b)).toBe(contains);
    // Containing a prefix means containing its last address too.
    if (contains) expect(prefixContains(a, { family: b.family, value: prefixLast(b) })).toBe(true);
  });

  it('first, last and size of the source article subnet', () => {
    const p = parsePrefix('192.168.20.0/24');
    expect(prefixFirst(p)).toBe(parseIpAddress('192.168.20.0').value);
    expect(prefixLast(p)).toBe(parseIpAddress('192.168.20.255').value);
    expect(prefixSize(p)).toBe(256n);
  });

  it('subnetOf: an address and a dotted mask give the port subnet', () => {
    expect(formatPrefix(subnetOf('192.168.20.10', '255.255.255.0'))).toBe('192.168.20.0/24');
    expect(formatPrefix(subnetOf('172.20.0.10', '255.240.0.0'))).toBe('172.16.0.0/12');
    expect(thrown(() => subnetOf('2001:db8::1', '255.255.255.0'))?.code).toBe('address.notIPv4');
    expect(thrown(() => subnetOf('192.168.20.10', '255.0.255.0'))?.code).toBe('mask.notContiguous');
  });
});

/** Random canonical prefixes of a family, biased to /0, full length and shared networks. */
function canonicalPrefixes(family: 4 | 6): fc.Arbitrary<IpPrefix> {
  const bits = family === 4 ? 32 : 128;
  const value = fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n });
  const length = fc.oneof(fc.constantFrom(0, bits), fc.integer({ min: 0, max: bits }));
  return fc.tuple(value, length).map(([v, len]) => prefixOf({ family, value: v }, len));
}

describe('properties', () => {
  it('parsePrefix(formatPrefix(p)) = p for canonical IPv4 and IPv6 prefixes', () => {
    fc.assert(
      fc.property(fc.oneof(canonicalPrefixes(4), canonicalPrefixes(6)), (p) => {
        const text = formatPrefix(p);
        const back = parsePrefix(text);
        expect(back).toEqual(p);
        expect(prefixesEqual(back, p)).toBe(true);
        expect(formatPrefix(back)).toBe(text);
      }),
      RUNS,
    );
  });

  it('a prefix with host bits is refused with the canonical prefix that contains the address', () => {
    const v4 = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }));
    fc.assert(
      fc.property(v4, ([value, length]) => {
        const address = { family: 4 as const, value: BigInt(value) };
        const canonical = prefixOf(address, length);
        const text = `${[value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.')}/${length}`;
        const error = thrown(() => parsePrefix(text));
        if (canonical.network === address.value) expect(error).toBeNull();
        else {
          expect(error?.code).toBe('prefix.hostBits');
          expect(error?.params.canonical).toBe(formatPrefix(canonical));
          expect(prefixContains(parsePrefix(String(error?.params.canonical)), address)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  /** Prefixes of one small space (the last 8 bits), so the oracle can list every address. */
  function smallPrefixes(family: 4 | 6): fc.Arbitrary<IpPrefix> {
    const bits = family === 4 ? 32 : 128;
    const base = family === 4 ? 0x0a000000n : 0x20010db8n << 96n;
    return fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: bits - 8, max: bits }))
      .map(([low, length]) => prefixOf({ family, value: base + BigInt(low) }, length));
  }

  function addresses(p: IpPrefix): Set<string> {
    const out = new Set<string>();
    for (let v = prefixFirst(p); v <= prefixLast(p); v++) out.add(`${p.family}:${v}`);
    return out;
  }

  it('prefixesOverlap and prefixContainsPrefix agree with sets of addresses', () => {
    const pair = fc.oneof(
      fc.tuple(smallPrefixes(4), smallPrefixes(4)),
      fc.tuple(smallPrefixes(6), smallPrefixes(6)),
      fc.tuple(smallPrefixes(4), smallPrefixes(6)),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const sa = addresses(a);
        const sb = addresses(b);
        const shared = [...sa].some((x) => sb.has(x));
        expect(prefixesOverlap(a, b)).toBe(shared);
        expect(prefixesOverlap(b, a)).toBe(shared);
        expect(prefixContainsPrefix(a, b)).toBe([...sb].every((x) => sa.has(x)));
        expect(prefixSize(a)).toBe(BigInt(sa.size));
        const probe = { family: b.family, value: b.network };
        expect(prefixContains(a, probe)).toBe(sa.has(`${b.family}:${b.network}`));
      }),
      RUNS,
    );
  });
});
