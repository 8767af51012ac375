/**
 * Contiguous IPv4 ranges: `{ start, end }` documents and the text form `a.b.c.d-e.f.g.h`.
 * Parsed ranges are pairs of uint32 numbers.
 */
import { formatIPv4, parseIPv4 } from './address';
import { NetConfigError } from './errors';
import type { IpRange } from './model';
import type { IpPrefix } from './prefix';

export interface ParsedRange {
  start: number;
  end: number;
}

/** Parses a `{ start, end }` document. Throws `range.startAfterEnd` or `address.invalid`. */
export function parseRange(range: IpRange): ParsedRange {
  const start = parseIPv4(range.start);
  const end = parseIPv4(range.end);
  if (start > end)
    throw new NetConfigError('range.startAfterEnd', { start: range.start, end: range.end });
  return { start, end };
}

/** Parses `192.168.20.50-192.168.20.52` (spaces around the dash allowed). */
export function parseRangeText(text: string): ParsedRange {
  const parts = String(text).split('-');
  if (parts.length !== 2) throw new NetConfigError('range.invalid', { value: String(text) });
  return parseRange({ start: (parts[0] ?? '').trim(), end: (parts[1] ?? '').trim() });
}

export function formatRange(range: ParsedRange): IpRange {
  return { start: formatIPv4(range.start), end: formatIPv4(range.end) };
}

export function formatRangeText(range: ParsedRange): string {
  return `${formatIPv4(range.start)}-${formatIPv4(range.end)}`;
}

export function rangeSize(range: ParsedRange): number {
  return range.end - range.start + 1;
}

export function rangeContains(range: ParsedRange, address: number): boolean {
  return address >= range.start && address <= range.end;
}

export function rangesOverlap(a: ParsedRange, b: ParsedRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The IPv4 prefix as a range of addresses. */
export function prefixToRange(prefix: IpPrefix): ParsedRange {
  const size = 2 ** (32 - prefix.length);
  const start = Number(prefix.network);
  return { start, end: start + size - 1 };
}

export function rangeInsidePrefix(range: ParsedRange, prefix: IpPrefix): boolean {
  if (prefix.family !== 4) return false;
  const p = prefixToRange(prefix);
  return range.start >= p.start && range.end <= p.end;
}

export function rangeOverlapsPrefix(range: ParsedRange, prefix: IpPrefix): boolean {
  return prefix.family === 4 && rangesOverlap(range, prefixToRange(prefix));
}

/** The n-th address of a range (0-based), or null past its end. */
export function rangeAddressAt(range: ParsedRange, index: number): number | null {
  const value = range.start + index;
  return value <= range.end ? value : null;
}

/**
 * Every pair of overlapping ranges, as index pairs [i, j] with i < j: a sweep over the ranges
 * sorted by start, O(n log n + pairs), instead of comparing every pair.
 */
export function findOverlappingRanges(ranges: readonly ParsedRange[]): [number, number][] {
  const order = ranges
    .map((_, i) => i)
    .sort((a, b) => (ranges[a] as ParsedRange).start - (ranges[b] as ParsedRange).start);
  const pairs: [number, number][] = [];
  let active: number[] = [];
  for (const i of order) {
    const r = ranges[i] as ParsedRange;
    active = active.filter((j) => (ranges[j] as ParsedRange).end >= r.start);
    for (const j of active) pairs.push(j < i ? [j, i] : [i, j]);
    active.push(i);
  }
  return pairs;
}
