/**
 * Durations in scenario files: a number is milliseconds; a string is Go `time.ParseDuration` syntax
 * ("500ms", "2s", "1.5s", "1m30s", "1h", also "us"/"µs"/"ns") — the notation client-go users already
 * know from flags like `--resync-period=30s`. The result is an integer count of virtual milliseconds,
 * rounded to the nearest ms (half up): virtual time has no finer grain.
 *
 * Simplification vs Go: a sign is rejected rather than allowed (no duration in a scenario may be
 * negative), and values above MAX_DURATION_MS (about 31.7 years) are rejected to keep all arithmetic
 * in exact integers.
 */

/** The largest duration a scenario may contain, in ms (10^12 ms ≈ 31.7 years; far below 2^53). */
export const MAX_DURATION_MS = 1_000_000_000_000;

const HINT = 'use a number of milliseconds or a string like 500ms, 2s, 1.5s, 1m, 1h';

/** Nanoseconds per unit, as BigInt so fractions are exact ("0.0015s" is exactly 1.5 ms). */
const UNIT_NS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const NS_PER_MS = 1_000_000n;
/** One component: digits with an optional fraction, then a unit. */
const COMPONENT = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/;

/** A string quoted for an error message, cut short so hostile input cannot make huge error texts. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s);
}

/**
 * Parse a duration: number = ms (rounded), string = Go duration syntax. Returns integer ms, or
 * `{ error }` with a plain-words reason for negative, malformed, non-finite or too large values.
 */
export function parseDuration(v: unknown): number | { error: string } {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { error: `must be a finite duration, got ${v}` };
    if (v < 0) return { error: `must not be negative, got ${v}` };
    const ms = Math.round(v) + 0; // -0 → 0
    if (ms > MAX_DURATION_MS) return { error: `is too large (at most ${MAX_DURATION_MS}ms), got ${v}` };
    return ms;
  }
  if (typeof v !== 'string') return { error: `must be a duration (${HINT}), got ${describeValue(v)}` };
  const s = v.trim();
  if (s.startsWith('-')) return { error: `must not be negative, got ${quote(v)}` };
  if (s === '0' || s === '+0') return 0;
  if (s.length === 0 || s.length > 100) return { error: `${quote(v)} is not a duration (${HINT})` };
  let rest = s.startsWith('+') ? s.slice(1) : s;
  if (rest.length === 0) return { error: `${quote(v)} is not a duration (${HINT})` };
  let ns = 0n;
  while (rest.length > 0) {
    const m = COMPONENT.exec(rest);
    if (m === null) {
      if (/^\d+(\.\d*)?$/.test(rest)) return { error: `${quote(v)} is missing a unit (${HINT})` };
      return { error: `${quote(v)} is not a duration (${HINT})` };
    }
    const intDigits = m[1] ?? '';
    const fracDigits = m[2] ?? '';
    if (intDigits === '' && fracDigits === '') return { error: `${quote(v)} is not a duration (${HINT})` };
    const unit = UNIT_NS[m[3]!]!;
    // Exact: (int.frac × unit) / 10^len(frac), truncating below 1 ns as Go does.
    const mantissa = BigInt(intDigits + fracDigits || '0');
    ns += (mantissa * unit) / 10n ** BigInt(fracDigits.length);
    if (ns > BigInt(MAX_DURATION_MS) * NS_PER_MS) {
      return { error: `is too large (at most ${MAX_DURATION_MS}ms), got ${quote(v)}` };
    }
    rest = rest.slice(m[0].length);
  }
  // Round half up to whole ms.
  return Number((ns + NS_PER_MS / 2n) / NS_PER_MS);
}

/**
 * The shortest exact spelling of an integer ms count: "2h", "5m", "30s", "1.5s", "250ms", "0s".
 * parseDuration(formatDuration(ms)) === ms for every integer 0 ≤ ms ≤ MAX_DURATION_MS.
 */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms < 1000) return `${ms}ms`;
  const whole = Math.floor(ms / 1000);
  const frac = ms % 1000;
  if (frac === 0) return `${whole}s`;
  return `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}s`;
}

/** A short description of a value's type/content for error messages. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(v);
    case 'object':
      return 'a map';
    default:
      return typeof v;
  }
}
