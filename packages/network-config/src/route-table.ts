/**
 * Longest-prefix-match tables. A set of prefixes is nested or disjoint, so it cuts the address
 * space into elementary intervals, each owned by its innermost prefix. Building sorts the prefixes
 * once (O(n log n)); a lookup is a binary search over the interval starts (O(log n)), on typed
 * arrays for IPv4 — no string parsing, no allocation per lookup.
 * Ties on the same prefix go to the lowest metric, then to the entry added first.
 */
import { type IpAddress, parseIpAddress } from './address';
import { type IpPrefix, prefixLast } from './prefix';

export interface RouteTableEntry {
  prefix: IpPrefix;
  metric: number;
}

interface PrefixGroup<T> {
  first: bigint;
  last: bigint;
  length: number;
  /** Entries with this exact prefix, best (lowest metric, then first added) first. */
  entries: T[];
  /** The innermost other prefix that contains this one (index in the table's groups), or -1. */
  parent: number;
}

/** Why a matching entry lost (or won) against the chosen one. */
export type MatchOutcome = 'chosen' | 'shorterPrefix' | 'higherMetric';

export interface RouteMatch<T> {
  entry: T;
  outcome: MatchOutcome;
}

const BLOCK_SIZE = 65536;
const BLOCKS = 65536;

export class RouteTable<T extends RouteTableEntry> {
  private readonly groups: PrefixGroup<T>[];
  private readonly v4Starts: Uint32Array;
  private readonly v4Owner: Int32Array;
  /** The winning entry of each interval (null: none), so a lookup reads one array slot. */
  private readonly v4Best: (T | null)[];
  /**
   * For each /16 block k, the interval holding k·2^16: a lookup starts its binary search there,
   * so it touches a few neighbouring intervals instead of the whole array (cache-friendly).
   */
  private readonly v4Block: Int32Array;
  private readonly v6Starts: bigint[];
  private readonly v6Owner: Int32Array;
  /**
   * The same per-block start for IPv6, on the top 16 bits (null when the table has no IPv6
   * prefix): one bigint shift narrows the search to the intervals of one /16, where a lookup over
   * bigints otherwise compares its way down the whole array.
   */
  private readonly v6Block: Int32Array | null;
  /**
   * The top 53 bits of each interval's start, as a double (exact below 2^53): the binary search
   * compares these numbers and compares bigints only between starts that share their top 53 bits,
   * so a lookup costs one bigint shift instead of a bigint comparison per step.
   */
  private readonly v6Keys: Float64Array;
  /**
   * A second level for the /16 blocks that hold many intervals (real tables crowd into a few
   * blocks, e.g. all of 2001::/16): per block, the interval holding each of its 2^16 /32s, so a
   * lookup there starts within one /32 instead of searching the whole block. `v6SubOf[block]` is
   * the block's index in `v6Subs`, or -1.
   */
  private readonly v6SubOf: Int32Array | null;
  private readonly v6Subs: Int32Array[];

  constructor(entries: readonly T[]) {
    const byKey = new Map<string, PrefixGroup<T>>();
    const v4: PrefixGroup<T>[] = [];
    const v6: PrefixGroup<T>[] = [];
    for (const entry of entries) {
      const p = entry.prefix;
      const key = `${p.family}/${p.length}/${p.network}`;
      let group = byKey.get(key);
      if (!group) {
        group = {
          first: p.network,
          last: prefixLast(p),
          length: p.length,
          entries: [],
          parent: -1,
        };
        byKey.set(key, group);
        (p.family === 4 ? v4 : v6).push(group);
      }
      group.entries.push(entry);
    }
    for (const group of byKey.values()) {
      // A stable sort keeps insertion order among equal metrics.
      group.entries.sort((a, b) => a.metric - b.metric);
    }
    this.groups = [...v4, ...v6];
    const v4Index = buildIntervals(v4, 0);
    // The sweep may close the last interval at 2^32, one past the address space: drop it.
    const v4Count = v4Index.starts.filter((x) => x <= 0xffffffffn).length;
    this.v4Starts = Uint32Array.from(v4Index.starts.slice(0, v4Count), Number);
    this.v4Owner = Int32Array.from(v4Index.owners.slice(0, v4Count));
    this.v4Best = Array.from(this.v4Owner, (owner) =>
      owner < 0 ? null : ((this.groups[owner] as PrefixGroup<T>).entries[0] as T),
    );
    this.v4Block = new Int32Array(BLOCKS + 1);
    let i = 0;
    for (let k = 0; k < BLOCKS; k++) {
      const at = k * BLOCK_SIZE;
      while (i + 1 < v4Count && (this.v4Starts[i + 1] as number) <= at) i++;
      this.v4Block[k] = i;
    }
    this.v4Block[BLOCKS] = v4Count - 1;
    const v6Index = buildIntervals(v6, v4.length);
    this.v6Starts = v6Index.starts;
    this.v6Owner = Int32Array.from(v6Index.owners);
    this.v6Block = v6.length > 0 ? blockIndexV6(this.v6Starts) : null;
    this.v6Keys = Float64Array.from(this.v6Starts, (start) => Number(start >> V6_KEY_SHIFT));
    const dense = this.v6Block ? subIndexesV6(this.v6Block, this.v6Starts) : null;
    this.v6SubOf = dense?.subOf ?? null;
    this.v6Subs = dense?.subs ?? [];
  }

  get size(): number {
    return this.groups.reduce((n, g) => n + g.entries.length, 0);
  }

  /** The best entry for an IPv4 address given as a uint32, or null. The hot path. */
  lookupIPv4(address: number): T | null {
    const starts = this.v4Starts;
    const block = address >>> 16;
    // The answer lies between the interval holding this block's first address and the next one's.
    let lo = this.v4Block[block] as number;
    let hi = this.v4Block[block + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= address) lo = mid;
      else hi = mid - 1;
    }
    return this.v4Best[lo] as T | null;
  }

  lookupIPv6(address: bigint): T | null {
    const owner = this.ownerIPv6(address);
    return owner < 0 ? null : ((this.groups[owner] as PrefixGroup<T>).entries[0] as T);
  }

  private ownerIPv4(address: number): number {
    const starts = this.v4Starts;
    let lo = this.v4Block[address >>> 16] as number;
    let hi = this.v4Block[(address >>> 16) + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= address) lo = mid;
      else hi = mid - 1;
    }
    return this.v4Owner[lo] as number;
  }

  private ownerIPv6(address: bigint): number {
    const blocks = this.v6Block;
    if (blocks === null) return -1;
    const starts = this.v6Starts;
    const keys = this.v6Keys;
    const key = Number(address >> V6_KEY_SHIFT);
    // The /16 block from the key's top 16 bits: floor(address / 2^112).
    const block = Math.floor(key / V6_KEYS_PER_BLOCK);
    let lo: number;
    let hi: number;
    const sub = this.v6SubOf === null ? -1 : (this.v6SubOf[block] as number);
    if (sub >= 0) {
      // The /32 within the block: the address's bits 96–111, the key's bits 21–36.
      const index = this.v6Subs[sub] as Int32Array;
      const at = Math.floor(key / V6_KEYS_PER_SUB) & 0xffff;
      lo = index[at] as number;
      hi = index[at + 1] as number;
    } else {
      lo = blocks[block] as number;
      hi = blocks[block + 1] as number;
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      const k = keys[mid] as number;
      // Keys order like the starts; equal keys leave it to the bigints.
      if (k < key || (k === key && (starts[mid] as bigint) <= address)) lo = mid;
      else hi = mid - 1;
    }
    return this.v6Owner[lo] as number;
  }

  lookup(address: IpAddress): T | null {
    return address.family === 4
      ? this.lookupIPv4(Number(address.value))
      : this.lookupIPv6(address.value);
  }

  /** Parses the text once, then looks it up. Throws `address.invalid`. */
  lookupText(text: string): T | null {
    return this.lookup(parseIpAddress(text));
  }

  /**
   * Every entry matching the address, the chosen one first, each with why it lost. The prefixes
   * containing an address are its innermost prefix and that prefix's ancestors, so this walks the
   * parent chain (at most one step per prefix length), not the table.
   */
  matches(address: IpAddress): RouteMatch<T>[] {
    const out: RouteMatch<T>[] = [];
    let g =
      address.family === 4 ? this.ownerIPv4(Number(address.value)) : this.ownerIPv6(address.value);
    let innermost = true;
    while (g >= 0) {
      const group = this.groups[g] as PrefixGroup<T>;
      group.entries.forEach((entry, i) => {
        const outcome: MatchOutcome = !innermost
          ? 'shorterPrefix'
          : i === 0
            ? 'chosen'
            : 'higherMetric';
        out.push({ entry, outcome });
      });
      innermost = false;
      g = group.parent;
    }
    return out;
  }
}

const V6_BLOCK_SHIFT = 112n;
/** An IPv6 search key is the address's top 53 bits (a double holds integers below 2^53 exactly). */
const V6_KEY_SHIFT = 75n;
/** Keys per /16 block: 2^(112 − 75). */
const V6_KEYS_PER_BLOCK = 2 ** 37;
/** Keys per /32: 2^(96 − 75). */
const V6_KEYS_PER_SUB = 2 ** 21;
/** A block with more intervals than this gets a second level (256 KB each)... */
const V6_DENSE_BLOCK = 256;
/** ...for at most this many blocks (the densest first), so memory stays bounded (4 MB). */
const V6_MAX_SUBS = 16;

/**
 * The second level of `blockIndexV6` for its densest blocks: for each /32 of such a block, the
 * interval holding its first address (and, last, the interval holding the next block's first).
 */
function subIndexesV6(
  blocks: Int32Array,
  starts: readonly bigint[],
): { subOf: Int32Array; subs: Int32Array[] } | null {
  const dense: number[] = [];
  for (let k = 0; k < BLOCKS; k++) {
    if ((blocks[k + 1] as number) - (blocks[k] as number) > V6_DENSE_BLOCK) dense.push(k);
  }
  if (dense.length === 0) return null;
  const size = (k: number) => (blocks[k + 1] as number) - (blocks[k] as number);
  dense.sort((a, b) => size(b) - size(a));
  const subOf = new Int32Array(BLOCKS).fill(-1);
  const subs: Int32Array[] = [];
  for (const k of dense.slice(0, V6_MAX_SUBS)) {
    const index = new Int32Array(BLOCKS + 1);
    const end = blocks[k + 1] as number;
    let i = blocks[k] as number;
    for (let s = 0; s < BLOCKS; s++) {
      const at = (BigInt(k) << V6_BLOCK_SHIFT) | (BigInt(s) << 96n);
      while (i < end && (starts[i + 1] as bigint) <= at) i++;
      index[s] = i;
    }
    index[BLOCKS] = end;
    subOf[k] = subs.length;
    subs.push(index);
  }
  return { subOf, subs };
}

/** For each /16 of the IPv6 space, the interval holding its first address (and one past the end). */
function blockIndexV6(starts: readonly bigint[]): Int32Array {
  const index = new Int32Array(BLOCKS + 1);
  // The last interval may start at 2^128 (one past the space, see buildIntervals): never a block's.
  const limit = 1n << 128n;
  let count = starts.length;
  while (count > 1 && (starts[count - 1] as bigint) >= limit) count--;
  let i = 0;
  for (let k = 0; k < BLOCKS; k++) {
    const at = BigInt(k) << V6_BLOCK_SHIFT;
    while (i + 1 < count && (starts[i + 1] as bigint) <= at) i++;
    index[k] = i;
  }
  index[BLOCKS] = count - 1;
  return index;
}

/**
 * Cuts [0, max] into intervals owned by the innermost prefix (-1: none). `groups` must be one
 * family; `offset` is the index of groups[0] in the table's group list.
 */
function buildIntervals<T>(
  groups: PrefixGroup<T>[],
  offset: number,
): { starts: bigint[]; owners: number[] } {
  const order = groups
    .map((_, i) => i)
    .sort((a, b) => {
      const ga = groups[a] as PrefixGroup<T>;
      const gb = groups[b] as PrefixGroup<T>;
      return ga.first < gb.first ? -1 : ga.first > gb.first ? 1 : ga.length - gb.length;
    });
  const starts: bigint[] = [];
  const owners: number[] = [];
  const emit = (at: bigint, owner: number) => {
    if (starts.length > 0 && starts[starts.length - 1] === at) owners[owners.length - 1] = owner;
    else if (owners.length > 0 && owners[owners.length - 1] === owner) return;
    else {
      starts.push(at);
      owners.push(owner);
    }
  };
  emit(0n, -1);
  const stack: number[] = [];
  const popUntil = (address: bigint | null) => {
    while (stack.length > 0) {
      const top = groups[stack[stack.length - 1] as number] as PrefixGroup<T>;
      if (address !== null && address <= top.last) return;
      stack.pop();
      const parent = stack.length > 0 ? (stack[stack.length - 1] as number) + offset : -1;
      emit(top.last + 1n, parent);
    }
  };
  for (const i of order) {
    const g = groups[i] as PrefixGroup<T>;
    popUntil(g.first);
    // Prefixes nest or are disjoint: what is left on the stack contains this one.
    g.parent = stack.length > 0 ? (stack[stack.length - 1] as number) + offset : -1;
    stack.push(i);
    emit(g.first, i + offset);
  }
  popUntil(null);
  // The last pop may emit one past the end of the address space; it owns nothing.
  return { starts, owners };
}
