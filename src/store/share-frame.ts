/**
 * Structural sharing between consecutive frames (as React Query's `replaceEqualDeep` does for query
 * results): every part of the new frame that equals the same part of the frame on screen is replaced by
 * that old part. A frame arrives as a fresh structured clone, so without this every object in it is new
 * and no memoised view could tell what changed; with it, a view memoised on its part of the frame (a
 * lane, the workqueue, a table row) renders only when that part changed. Frames are plain data (objects,
 * arrays, primitives) and are never mutated once in the store, so sharing is safe; the result is deep-equal
 * to `next`, digest included.
 */
export function shareEqual<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next)) return prev as T;
  if (typeof prev !== 'object' || prev === null || typeof next !== 'object' || next === null) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    const out = new Array<unknown>(next.length);
    let same = prev.length === next.length;
    for (let i = 0; i < next.length; i++) {
      const v = shareEqual(prev[i], next[i]);
      out[i] = v;
      if (v !== prev[i]) same = false;
    }
    return (same ? prev : out) as T;
  }
  if (Array.isArray(prev) || !isPlain(next) || !isPlain(prev)) return next;
  const p = prev as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let n = 0;
  let same = true;
  for (const k in next) {
    n++;
    const v = shareEqual(p[k], (next as Record<string, unknown>)[k]);
    out[k] = v;
    if (v !== p[k] || !(k in p)) same = false;
  }
  if (same) for (const _ in p) if (--n < 0) break;
  return (same && n === 0 ? prev : out) as T;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
