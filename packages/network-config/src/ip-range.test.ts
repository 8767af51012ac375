import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixtures from '../test/fixtures/ranges.json';
import { formatIPv4, parseIPv4 } from './address';
import { NetConfigError } from './errors';
import {
  findOverlappingRanges,
  formatRange,
  formatRangeText,
  type ParsedRange,
  parseRange,
  parseRangeText,
  prefixToRange,
  rangeAddressAt,
  rangeContains,
  rangeInsidePrefix,
  rangeOverlapsPrefix,
  rangeSize,
  rangesOverlap,
} from './ip-range';
import { parsePrefix, prefixOf } from './prefix';

const RUNS = { numRuns: 1000 };

describe('range text (fixtures)', () => {
  it.each(fixtures.text)('$text', (row) => {
    if ('range' in row && row.range) {
      const parsed = parseRangeText(row.text);
      expect(formatRange(parsed)).toEqual(row.range);
      expect(parseRange(row.range)).toEqual(parsed);
      expect(rangeSize(parsed)).toBe(row.size);
      expect(formatRangeText(parsed)).toBe(`${row.range.start}-${row.range.end}`);
    } else {
      try {
        parseRangeText(row.text);
        expect.unreachable(`${row.text} was accepted`);
      } catch (error) {
        expect(error).toBeInstanceOf(NetConfigError);
        expect((error as NetConfigError).code).toBe(row.code);
      }
    }
  });

  it('start after end names both ends', () => {
    expect(() => parseRange({ start: '192.168.20.52', end: '192.168.20.50' })).toThrow(
      expect.objectContaining({
        code: 'range.startAfterEnd',
        params: { start: '192.168.20.52', end: '192.168.20.50' },
      }),
    );
  });
});

describe('ranges and prefixes (fixtures)', () => {
  it.each(fixtures.prefix)('$range in $prefix', (row) => {
    const range = parseRangeText(row.range);
    const prefix = parsePrefix(row.prefix);
    expect(rangeInsidePrefix(range, prefix)).toBe(row.inside);
    expect(rangeOverlapsPrefix(range, prefix)).toBe(row.overlaps);
  });

  it('the master takes the first node IP, workers the next ones; none past the end', () => {
    const range = parseRangeText('192.168.20.50-192.168.20.52');
    expect([0, 1, 2, 3].map((i) => rangeAddressAt(range, i))).toEqual([
      parseIPv4('192.168.20.50'),
      parseIPv4('192.168.20.51'),
      parseIPv4('192.168.20.52'),
      null,
    ]);
  });

  it('prefixToRange spans the whole subnet', () => {
    expect(formatRange(prefixToRange(parsePrefix('192.168.20.0/24')))).toEqual({
      start: '192.168.20.0',
      end: '192.168.20.255',
    });
    expect(rangeSize(prefixToRange(parsePrefix('0.0.0.0/0')))).toBe(2 ** 32);
  });
});

/** Ranges in a small space (mostly 0..60), sometimes near the top of the address space. */
const smallRange: fc.Arbitrary<ParsedRange> = fc
  .tuple(
    fc.constantFrom(0, 0, 0, 0xffffffc0),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 60 }),
  )
  .map(([base, a, b]) => ({ start: base + Math.min(a, b), end: base + Math.max(a, b) }));

function members(r: ParsedRange): Set<number> {
  const out = new Set<number>();
  for (let v = r.start; v <= r.end; v++) out.add(v);
  return out;
}

describe('properties', () => {
  it('findOverlappingRanges finds the same pairs as comparing every pair', () => {
    fc.assert(
      fc.property(fc.array(smallRange, { maxLength: 30 }), (ranges) => {
        const oracle: string[] = [];
        for (let i = 0; i < ranges.length; i++)
          for (let j = i + 1; j < ranges.length; j++) {
            const a = members(ranges[i] as ParsedRange);
            if ([...members(ranges[j] as ParsedRange)].some((x) => a.has(x)))
              oracle.push(`${i},${j}`);
          }
        const found = findOverlappingRanges(ranges).map(([i, j]) => {
          expect(i).toBeLessThan(j);
          return `${i},${j}`;
        });
        expect(found.sort()).toEqual(oracle.sort());
      }),
      RUNS,
    );
  });

  it('rangesOverlap and rangeContains agree with sets of addresses', () => {
    fc.assert(
      fc.property(smallRange, smallRange, fc.integer({ min: 0, max: 70 }), (a, b, x) => {
        const sa = members(a);
        const sb = members(b);
        const shared = [...sa].some((v) => sb.has(v));
        expect(rangesOverlap(a, b)).toBe(shared);
        expect(rangesOverlap(b, a)).toBe(shared);
        expect(rangeContains(a, x)).toBe(sa.has(x));
        expect(rangeSize(a)).toBe(sa.size);
      }),
      RUNS,
    );
  });

  it('rangeInsidePrefix and rangeOverlapsPrefix agree with sets of addresses', () => {
    const prefix = fc
      .tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 26, max: 32 }))
      .map(([low, length]) => prefixOf({ family: 4, value: BigInt(low) }, length));
    fc.assert(
      fc.property(smallRange, prefix, (r, p) => {
        const sr = members(r);
        const sp = members(prefixToRange(p));
        expect(rangeInsidePrefix(r, p)).toBe([...sr].every((v) => sp.has(v)));
        expect(rangeOverlapsPrefix(r, p)).toBe([...sr].some((v) => sp.has(v)));
      }),
      RUNS,
    );
  });

  it('parseRangeText(formatRangeText(r)) = r', () => {
    const uint32 = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(uint32, uint32, (a, b) => {
        const r = { start: Math.min(a, b), end: Math.max(a, b) };
        expect(parseRangeText(formatRangeText(r))).toEqual(r);
        expect(parseRange(formatRange(r))).toEqual(r);
        expect(formatRange(r)).toEqual({ start: formatIPv4(r.start), end: formatIPv4(r.end) });
      }),
      RUNS,
    );
  });
});
