/** "Did you mean …?" for misspelt command and parameter names. */

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(above + 1, (prev[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return prev[b.length] as number;
}

/** The candidates closest to `input` (case-insensitive), at most a few edits away. */
export function closest(input: string, candidates: readonly string[]): string[] {
  const lower = input.toLowerCase();
  if (lower.length === 0) return [];
  const limit = Math.max(1, Math.min(3, Math.floor(lower.length / 3)));
  let best = Number.POSITIVE_INFINITY;
  let found: string[] = [];
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d > limit) continue;
    if (d < best) {
      best = d;
      found = [candidate];
    } else if (d === best) {
      found.push(candidate);
    }
  }
  return found.slice(0, 3);
}
