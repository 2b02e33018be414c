/**
 * The reading core of the scenario validator (docs/SCENARIOS.md): problems with field paths, and the
 * generic readers every part of a scenario or lesson file uses (maps with known keys, integers,
 * strings, durations, ranges).
 *
 * Input is hostile data: only own properties are read (`own`), null counts as absent, and a reader
 * never throws on a wrong type; it reports the problem into the `Ctx` and returns a fallback, so one
 * pass lists every problem. At most LIMITS.errors problems are kept; the rest are counted.
 */
import { LIMITS } from '../../engine/model/defaults';
import type { Range, Scenario } from '../../engine/model/scenario';
import { describeValue, formatDuration, parseDuration, quote } from '../duration';
import { isRecord } from '../plain-data';

export { isRecord } from '../plain-data';

export type ParseResult = { ok: true; scenario: Scenario } | ParseFailure;

/** The failure half of a parse result (scenarios and lessons share it). */
export type ParseFailure = { ok: false; errors: ScenarioError[] };

export interface ScenarioError {
  /** Field path like `script[3].at` or `objects[1].metadata.labels["app.kubernetes.io/name"]`; "" = the whole text. */
  path: string;
  /** 1-based line in the input text, when the input was text and the field (or its parent) was found. */
  line?: number;
  message: string;
}

/** "line 27: script[3].at: must not be negative, got -1" */
export function formatScenarioError(e: ScenarioError): string {
  const line = e.line === undefined ? '' : `line ${e.line}: `;
  return `${line}${e.path === '' ? '' : `${e.path}: `}${e.message}`;
}

/** A failure with one problem about the whole input. */
export function failure(message: string, line?: number): ParseFailure {
  return { ok: false, errors: [line === undefined ? { path: '', message } : { path: '', line, message }] };
}

/** The first line of an exception's message, at most 300 characters. */
export function errorText(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  const first = s.split('\n', 1)[0] ?? '';
  return first.length > 300 ? `${first.slice(0, 297)}...` : first;
}

// ---------------------------------------------------------------------------------------------
// Problems and paths

type Seg = string | number;
export type Path = readonly Seg[];

export interface Ctx {
  readonly problems: { path: Path; message: string }[];
  dropped: number;
}

export function report(ctx: Ctx, path: Path, message: string): void {
  if (ctx.problems.length < LIMITS.errors) ctx.problems.push({ path, message });
  else ctx.dropped++;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${quote(seg)}]`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading plain values

export type Rec = Readonly<Record<string, unknown>>;

/** An own property; null counts as absent (as in Kubernetes manifests). */
export function own(obj: Rec, key: string): unknown {
  if (!Object.hasOwn(obj, key)) return undefined;
  const v = obj[key];
  return v === null ? undefined : v;
}

/** Keys no map key of a scenario or lesson may be (they would reach an object's prototype). */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Damerau-free Levenshtein distance, for "did you mean" hints (short strings only). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 40 || b.length > 40) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Report every own key of `obj` that is not in `allowed`, with a hint where one helps. */
export function checkKeys(
  ctx: Ctx,
  obj: Rec,
  path: Path,
  allowed: readonly string[],
  hints: Readonly<Record<string, string>> = {},
): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const p = [...path, key];
    if (Object.hasOwn(hints, key)) {
      report(ctx, p, hints[key]!);
      continue;
    }
    const near = allowed.find((a) => editDistance(a.toLowerCase(), key.toLowerCase()) <= 2);
    const hint = near === undefined ? '' : `did you mean "${near}"? `;
    report(ctx, p, `unknown field; ${hint}expected one of ${allowed.join(', ')}`);
  }
}

/** A map with only `allowed` keys, or undefined (reported) if `v` is not a map. */
export function readMap(
  ctx: Ctx,
  v: unknown,
  path: Path,
  allowed: readonly string[],
  what: string,
  hints?: Readonly<Record<string, string>>,
): Rec | undefined {
  if (!isRecord(v)) {
    report(ctx, path, `must be ${what}, got ${describeValue(v)}`);
    return undefined;
  }
  checkKeys(ctx, v, path, allowed, hints);
  return v;
}

/** An integer in [min, max]; `def` when absent; on error reports and returns `def`. */
export function readInt(
  ctx: Ctx,
  v: unknown,
  path: Path,
  bounds: { readonly min: number; readonly max: number },
  def: number | undefined,
): number {
  if (v === undefined) {
    if (def === undefined) report(ctx, path, `is required (an integer from ${bounds.min} to ${bounds.max})`);
    return def ?? bounds.min;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < bounds.min || v > bounds.max) {
    report(ctx, path, `must be an integer from ${bounds.min} to ${bounds.max}, got ${describeValue(v)}`);
    return def ?? bounds.min;
  }
  return v + 0; // -0 → 0
}

export function readString(
  ctx: Ctx,
  v: unknown,
  path: Path,
  def: string | undefined,
  maxChars: number,
): string {
  if (v === undefined) {
    if (def === undefined) report(ctx, path, 'is required (a string)');
    return def ?? '';
  }
  if (typeof v !== 'string') {
    report(ctx, path, `must be a string, got ${describeValue(v)}`);
    return def ?? '';
  }
  if (v.length > maxChars) report(ctx, path, `is too long (${v.length} characters; at most ${maxChars})`);
  return v;
}

export interface DurationRule {
  /** Smallest allowed non-zero value (ms); default 0. */
  readonly min?: number;
  /** 0 is allowed even though it is below `min` ("0 = off"). */
  readonly zeroOk?: boolean;
  /** Largest allowed value (ms); default none. */
  readonly max?: number;
}

/** A duration in ms (./duration.ts); `def` when absent (undefined = required); on error reports and returns 0. */
export function readDuration(
  ctx: Ctx,
  v: unknown,
  path: Path,
  def: number | undefined,
  rule: DurationRule = {},
): number {
  const min = rule.min ?? 0;
  if (v === undefined) {
    if (def === undefined) report(ctx, path, 'is required (a duration like 2s or 500ms)');
    return def ?? 0;
  }
  const d = parseDuration(v);
  if (typeof d !== 'number') {
    report(ctx, path, d.error);
    return 0;
  }
  if (d < min && !(rule.zeroOk === true && d === 0)) {
    const off = rule.zeroOk === true ? ' (or 0 to turn it off)' : '';
    report(ctx, path, `must be at least ${formatDuration(min)}${off}, got ${describeValue(v)}`);
  }
  if (rule.max !== undefined && d > rule.max)
    report(ctx, path, `must be at most ${formatDuration(rule.max)}, got ${describeValue(v)}`);
  return d;
}

/** `{ min, max }` (each optional, defaulting from `def`) or one duration meaning min = max. */
export function readRange(ctx: Ctx, v: unknown, path: Path, def: Range, minMs = 0): Range {
  if (v === undefined) return { min: def.min, max: def.max };
  if (!isRecord(v)) {
    const d = readDuration(ctx, v, path, def.min, { min: minMs });
    return { min: d, max: d };
  }
  checkKeys(ctx, v, path, ['min', 'max']);
  const minV = own(v, 'min');
  const maxV = own(v, 'max');
  const min = readDuration(ctx, minV, [...path, 'min'], def.min, { min: minMs });
  const max = readDuration(ctx, maxV, [...path, 'max'], def.max, { min: minMs });
  if (min > max) {
    const minNote = minV === undefined ? ', the default' : '';
    const maxNote = maxV === undefined ? ', the default' : '';
    report(
      ctx,
      path,
      `min (${formatDuration(min)}${minNote}) must not be greater than max (${formatDuration(max)}${maxNote})`,
    );
  }
  return { min, max };
}
