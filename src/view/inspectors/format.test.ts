import { describe, expect, it } from 'vitest';
import {
  classifyResult,
  classifyStatus,
  countdownMs,
  formatAge,
  formatClock,
  formatCount,
  formatCountdown,
  formatDuration,
  statusText,
} from './format';

describe('formatDuration', () => {
  it('uses ms below a second, truncated toward zero', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(999.9)).toBe('999 ms');
  });
  it('uses seconds with two decimals below 10 s and one below a minute, never rounding up', () => {
    expect(formatDuration(1000)).toBe('1.00 s');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(9999)).toBe('9.99 s');
    expect(formatDuration(10_000)).toBe('10.0 s');
    expect(formatDuration(59_999)).toBe('59.9 s');
  });
  it('uses minutes and hours for long durations', () => {
    expect(formatDuration(60_000)).toBe('1 min 00 s');
    expect(formatDuration(588_010)).toBe('9 min 48 s');
    expect(formatDuration(3_600_000)).toBe('1 h 00 min');
    expect(formatDuration(3_723_000)).toBe('1 h 02 min');
  });
  it('handles negatives and non-finite values', () => {
    expect(formatDuration(-1500)).toBe('−1.50 s');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('countdowns and ages', () => {
  it('counts down to a target and stops at zero', () => {
    expect(countdownMs(6225, 5011)).toBe(1214);
    expect(countdownMs(5000, 5011)).toBe(0);
    expect(countdownMs(null, 5011)).toBeNull();
  });
  it('formats "in …", "due now" and "—"', () => {
    expect(formatCountdown(6225, 5011)).toBe('in 1.21 s');
    expect(formatCountdown(5011, 5011)).toBe('due now');
    expect(formatCountdown(4000, 5011)).toBe('due now');
    expect(formatCountdown(null, 5011)).toBe('—');
  });
  it('formats ages, never negative', () => {
    expect(formatAge(10, 9150)).toBe('9.14 s');
    expect(formatAge(9200, 9150)).toBe('0 ms');
  });
});

describe('formatClock', () => {
  it('shows mm:ss.mmm, with hours only when needed', () => {
    expect(formatClock(0)).toBe('00:00.000');
    expect(formatClock(9150)).toBe('00:09.150');
    expect(formatClock(601_000)).toBe('10:01.000');
    expect(formatClock(3_723_004)).toBe('1:02:03.004');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(10_000)).toBe('10,000');
    expect(formatCount(200)).toBe('200');
  });
});

describe('status codes', () => {
  it('classifies codes a learner meets', () => {
    expect(classifyStatus(200)).toBe('success');
    expect(classifyStatus(201)).toBe('success');
    expect(classifyStatus(409, 'Conflict')).toBe('conflict');
    expect(classifyStatus(409, 'AlreadyExists')).toBe('already-exists');
    expect(classifyStatus(409, null, 'deployments.apps "x" already exists')).toBe('already-exists');
    expect(classifyStatus(409, null, 'Operation cannot be fulfilled on foos')).toBe('conflict');
    expect(classifyStatus(404, 'NotFound')).toBe('not-found');
    expect(classifyStatus(410, 'Expired')).toBe('gone');
    expect(classifyStatus(429)).toBe('throttled');
    expect(classifyStatus(422, 'Invalid')).toBe('client-error');
    expect(classifyStatus(500)).toBe('server-error');
    expect(classifyStatus(504, 'Timeout')).toBe('server-error');
    expect(classifyStatus(0)).toBe('refused');
    expect(classifyStatus(null)).toBe('unknown');
    expect(classifyStatus(302)).toBe('unknown');
  });
  it('prints the code with its reason', () => {
    expect(statusText(200, null)).toBe('200 OK');
    expect(statusText(201)).toBe('201 Created');
    expect(statusText(409, 'Conflict')).toBe('409 Conflict');
    expect(statusText(410, 'Expired')).toBe('410 Expired');
    expect(statusText(410, '')).toBe('410 Gone');
    expect(statusText(0)).toBe('connection refused');
    expect(statusText(418)).toBe('418');
  });
  it('classifies worker results', () => {
    expect(classifyResult({ outcome: 'success', code: null, message: '' })).toBe('success');
    expect(
      classifyResult({
        outcome: 'error',
        code: 409,
        message: 'Operation cannot be fulfilled on foos "x": modified',
      }),
    ).toBe('conflict');
    expect(
      classifyResult({ outcome: 'error', code: 409, message: 'deployments.apps "x" already exists' }),
    ).toBe('already-exists');
    expect(classifyResult({ outcome: 'error', code: 500, message: 'Internal error occurred' })).toBe('error');
    expect(classifyResult({ outcome: 'error', code: null, message: 'injected failure' })).toBe('error');
  });
});
