// Data whose strings are rewritten, the rest kept: messages' data is cleaned this way before it is worded.

/** `data` with `f` applied to every string in it: the same object (and sub-objects) where nothing changed. */
export function mapStrings<T>(data: T, f: (s: string) => string): T {
  if (typeof data === 'string') return f(data) as T;
  if (data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) {
    const items = data.map((x: unknown) => mapStrings(x, f));
    return (items.some((x, i) => x !== data[i]) ? items : data) as T;
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(data)) {
    const mapped = mapStrings(v, f);
    if (mapped !== v) (out ??= { ...(data as Record<string, unknown>) })[k] = mapped;
  }
  return (out ?? data) as T;
}
