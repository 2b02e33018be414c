/**
 * Small checks over plain data (what JSON.parse and structuredClone produce), used to treat link and UI
 * input as hostile: nesting depth without recursion, and "is this value the normalized one?"
 * comparisons that name the first offending field. Only own enumerable properties are read.
 */
import { describeValue } from './duration';

type Rec = Readonly<Record<string, unknown>>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * True when `v` nests objects/arrays deeper than `limit` levels (a scalar is depth 0) or holds more
 * than `maxNodes` values in all. Iterative, so hostile nesting cannot exhaust the stack.
 */
export function tooDeepOrLarge(v: unknown, limit: number, maxNodes: number): boolean {
  const stack: { readonly v: unknown; readonly depth: number }[] = [{ v, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (++nodes > maxNodes) return true;
    if (typeof top.v !== 'object' || top.v === null) continue;
    if (top.depth >= limit) return true;
    const children = Array.isArray(top.v) ? top.v : Object.values(top.v);
    for (const c of children) stack.push({ v: c, depth: top.depth + 1 });
  }
  return false;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const safe = /^[A-Za-z_$][\w$]*$/.test(key)
    ? key
    : JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}...` : key);
  if (safe.startsWith('"')) return `${path}[${safe}]`;
  return path === '' ? safe : `${path}.${safe}`;
}

function label(path: string): string {
  return path === '' ? 'the value' : path;
}

/**
 * The first place where `input` is not part of `normalized` (the same value after validation and
 * normalization): a field the normalized value does not have ("unknown field"), or a value that
 * normalization changed. Fields only `normalized` has (defaults filled in) are fine, and so are
 * fields of `input` whose value is `undefined` (structured clone keeps them). undefined = none.
 * Depth is capped at 64 (deeper counts as a difference).
 */
export function firstExtra(input: unknown, normalized: unknown, path = '', depth = 0): string | undefined {
  if (depth > 64) return `${label(path)}: nested too deeply`;
  if (Array.isArray(input)) {
    if (!Array.isArray(normalized) || normalized.length !== input.length)
      return `${label(path)}: expected ${describeValue(normalized)}, got a list of ${input.length}`;
    for (let i = 0; i < input.length; i++) {
      const p = firstExtra(input[i], normalized[i], join(path, i), depth + 1);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  if (isRecord(input)) {
    if (!isRecord(normalized)) return `${label(path)}: expected ${describeValue(normalized)}, got a map`;
    for (const k of Object.keys(input)) {
      const v = input[k];
      if (v === undefined) continue;
      const p = join(path, k);
      if (!Object.hasOwn(normalized, k)) return `${p}: unknown field`;
      const inner = firstExtra(v, normalized[k], p, depth + 1);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  // Scalars: === (so -0 equals 0, which normalization writes as 0).
  if (input === normalized) return undefined;
  return `${label(path)}: expected ${describeValue(normalized)}, got ${describeValue(input)}`;
}

/**
 * Exact equality of plain data (keys in any order; a key whose value is `undefined` counts as absent):
 * undefined when equal, else the path of the first difference.
 */
export function firstDifference(a: unknown, b: unknown, path = '', depth = 0): string | undefined {
  if (depth > 64) return label(path);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return label(path);
    for (let i = 0; i < a.length; i++) {
      const p = firstDifference(a[i], b[i], join(path, i), depth + 1);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return label(path);
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const av = Object.hasOwn(a, k) ? a[k] : undefined;
      const bv = Object.hasOwn(b, k) ? b[k] : undefined;
      const p = firstDifference(av, bv, join(path, k), depth + 1);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  return Object.is(a, b) || (a === 0 && b === 0) ? undefined : label(path);
}
