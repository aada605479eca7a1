// "Did you mean": the nearest candidate by edit distance, for codes, labels, fields and names.

export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[y.length] as number;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  const v = value.trim().toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(v, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const len = Math.max(Array.from(v).length, Array.from(best).length);
  const limit = Math.min(3, Math.max(1, Math.floor(len / 2)));
  return bestD <= limit ? best : undefined;
}

export function didYouMean(value: string, candidates: Iterable<string>): string {
  const n = nearest(value, candidates);
  return n === undefined ? '' : `; did you mean "${n}"?`;
}
