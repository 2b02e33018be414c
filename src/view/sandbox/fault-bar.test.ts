// The fault bar builds its interventions with the interventions panel's builders: good input gives the
// same action, bad input the same message under the same field, and nothing is clamped silently.
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../controls';
import {
  buildAddLatency,
  buildApiErrors,
  buildFailReconciles,
  buildRefuseConnections,
  buildSlowHandlers,
} from '../controls';
import { buildFault, type FaultForm, type FaultId } from './fault-bar';

const FORM: FaultForm = { seconds: '3', code: '500', extraMs: '200', count: '3' };

function problems(r: BuildResult): Record<string, string> {
  if (r.ok) throw new Error(`expected problems, got ${JSON.stringify(r.action)}`);
  return Object.fromEntries(r.problems.map((p) => [p.field, p.message]));
}

describe('buildFault', () => {
  it('builds each button’s intervention from the inputs', () => {
    const built = (id: FaultId, form: Partial<FaultForm> = {}) => buildFault(id, { ...FORM, ...form });
    expect(built('closeWatch')).toEqual({ ok: true, action: { action: 'closeWatch' } });
    expect(built('gone')).toEqual({ ok: true, action: { action: 'watchError', code: 410 } });
    expect(built('compact')).toEqual({ ok: true, action: { action: 'compact' } });
    expect(built('apiErrors', { code: '429', seconds: '2.5' })).toEqual({
      ok: true,
      action: { action: 'apiErrors', code: 429, durationMs: 2500 },
    });
    expect(built('refuse')).toEqual({ ok: true, action: { action: 'refuseConnections', durationMs: 3000 } });
    expect(built('latency', { extraMs: '50' })).toEqual({
      ok: true,
      action: { action: 'addLatency', extraMs: 50, durationMs: 3000 },
    });
    expect(built('slowHandlers')).toEqual({
      ok: true,
      action: { action: 'slowHandlers', extraMs: 200, durationMs: 3000 },
    });
    expect(built('failReconciles', { count: '7' })).toEqual({
      ok: true,
      action: { action: 'failReconciles', count: 7 },
    });
  });

  it('gives the interventions panel’s results, for good and bad input alike', () => {
    for (const seconds of ['3', '0.5', '0', '3601', 'abc', '']) {
      const form = { ...FORM, seconds };
      expect(buildFault('refuse', form), seconds).toEqual(buildRefuseConnections(seconds));
      expect(buildFault('apiErrors', form), seconds).toEqual(buildApiErrors(500, seconds));
      expect(buildFault('latency', form), seconds).toEqual(buildAddLatency('200', seconds));
      expect(buildFault('slowHandlers', form), seconds).toEqual(buildSlowHandlers('200', seconds));
    }
    for (const count of ['1', '100000', '0', '100001', '2.5', '']) {
      expect(buildFault('failReconciles', { ...FORM, count }), count).toEqual(buildFailReconciles(count));
    }
  });

  it('refuses what it used to clamp, with a message for the field', () => {
    expect(problems(buildFault('refuse', { ...FORM, seconds: '99999' }))).toEqual({
      seconds: 'Seconds must be a number of seconds greater than 0 and at most 3600.',
    });
    expect(problems(buildFault('latency', { ...FORM, extraMs: '0' }))).toEqual({
      extraMs: 'Extra latency (ms) must be a whole number from 1 to 600000.',
    });
    expect(problems(buildFault('failReconciles', { ...FORM, count: 'many' }))).toEqual({
      count: 'Reconciles must be a whole number from 1 to 100000.',
    });
  });
});
