/**
 * Pure formatting for the inspectors: virtual durations, countdowns, the virtual clock, counts, and the
 * classification of HTTP status codes and worker results (colour classes always come with text).
 * Virtual time is integer milliseconds; displays truncate toward zero, so a countdown never shows a
 * second that has not started yet (9.99 s stays "9.9 s", never "10.0 s").
 */
import { t } from '../../i18n';

const NUMBER = new Intl.NumberFormat('en-US');

/** 10000 → "10,000". */
export function formatCount(n: number): string {
  return NUMBER.format(n);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A duration in virtual ms, compact: "0 ms", "850 ms", "1.23 s", "12.3 s", "4 min 08 s", "1 h 02 min".
 * Negative durations format their absolute value with a leading "−".
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 0) return `−${formatDuration(-ms)}`;
  const v = Math.trunc(ms);
  if (v < 1000) return `${v} ms`;
  if (v < 10_000) {
    const hundredths = Math.trunc(v / 10);
    return `${Math.trunc(hundredths / 100)}.${pad(hundredths % 100, 2)} s`;
  }
  if (v < 60_000) {
    const tenths = Math.trunc(v / 100);
    return `${Math.trunc(tenths / 10)}.${tenths % 10} s`;
  }
  const totalS = Math.trunc(v / 1000);
  if (totalS < 3600) return `${Math.trunc(totalS / 60)} min ${pad(totalS % 60, 2)} s`;
  const totalMin = Math.trunc(totalS / 60);
  return `${Math.trunc(totalMin / 60)} h ${pad(totalMin % 60, 2)} min`;
}

/** Milliseconds left until `target` (never negative), or null when there is no target. */
export function countdownMs(target: number | null, now: number): number | null {
  if (target === null || !Number.isFinite(target)) return null;
  return Math.max(0, target - now);
}

/** "in 1.23 s", "due now" when the time has come, "—" when there is nothing scheduled. */
export function formatCountdown(target: number | null, now: number): string {
  const left = countdownMs(target, now);
  if (left === null) return '—';
  if (left === 0) return t('inspectors.countdown.due');
  return t('inspectors.countdown.in', { duration: formatDuration(left) });
}

/** How long ago `since` was: "9.14 s" (never negative). */
export function formatAge(since: number, now: number): string {
  return formatDuration(Math.max(0, now - since));
}

/** The virtual clock: "00:09.150", "12:00.000", "1:02:03.004" (hours only when needed). */
export function formatClock(ms: number): string {
  const v = Math.max(0, Math.trunc(ms));
  const milli = v % 1000;
  const totalS = Math.trunc(v / 1000);
  const s = totalS % 60;
  const totalMin = Math.trunc(totalS / 60);
  const m = totalMin % 60;
  const h = Math.trunc(totalMin / 60);
  const tail = `${pad(s, 2)}.${pad(milli, 3)}`;
  return h > 0 ? `${h}:${pad(m, 2)}:${tail}` : `${pad(m, 2)}:${tail}`;
}

/**
 * What an HTTP answer means to a learner. `refused`: code 0 (the connection never reached the server).
 * 409 splits into `already-exists` (create of an existing name) and `conflict` (stale resourceVersion).
 */
export type StatusClass =
  | 'success'
  | 'conflict'
  | 'already-exists'
  | 'not-found'
  | 'gone'
  | 'throttled'
  | 'client-error'
  | 'server-error'
  | 'refused'
  | 'unknown';

export function classifyStatus(
  code: number | null,
  reason?: string | null,
  message?: string | null,
): StatusClass {
  if (code === null || !Number.isInteger(code)) return 'unknown';
  if (code === 0) return 'refused';
  if (code >= 200 && code < 300) return 'success';
  if (code === 409) {
    if (reason === 'AlreadyExists' || (message != null && /already exists/i.test(message)))
      return 'already-exists';
    return 'conflict';
  }
  if (code === 404) return 'not-found';
  if (code === 410) return 'gone';
  if (code === 429) return 'throttled';
  if (code >= 400 && code < 500) return 'client-error';
  if (code >= 500 && code < 600) return 'server-error';
  return 'unknown';
}

/** The usual reason phrase of a status code (Kubernetes StatusReason names where there is one). */
const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  400: 'BadRequest',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Gone',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  504: 'Timeout',
};

/** "200 OK", "409 Conflict", "410 Expired" (the reason wins over the generic phrase), "connection refused". */
export function statusText(code: number | null, reason?: string | null): string {
  if (code === null) return t('inspectors.status.noCode');
  if (code === 0) return t('inspectors.status.refused');
  const phrase = reason != null && reason !== '' ? reason : REASONS[code];
  return phrase === undefined ? String(code) : `${code} ${phrase}`;
}

/** A worker's last result, as one class: success, conflict (409), already exists (409) or another error. */
export type ResultClass = 'success' | 'conflict' | 'already-exists' | 'error';

export function classifyResult(r: { outcome: string; code: number | null; message: string }): ResultClass {
  if (r.outcome === 'success') return 'success';
  const c = classifyStatus(r.code, null, r.message);
  return c === 'conflict' || c === 'already-exists' ? c : 'error';
}
