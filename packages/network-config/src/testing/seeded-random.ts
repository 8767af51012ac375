/**
 * A small seeded PRNG (mulberry32) for tests and benchmarks, so a run can be replayed from its
 * seed: the lookup bench measures the same routes every run, the kernel differential test replays
 * a failure from EDGENET_KERNEL_SEED. Test support only, never production code.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
