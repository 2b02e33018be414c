/**
 * Interventions are checked like script entries of a scenario file, and in normalized form nothing
 * beyond the normalized action is accepted (so what is accepted is exactly what runs and is exported).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InterventionAction } from '../engine/model/session';
import { checkIntervention, readInterventionDocs, validateIntervention } from './intervention';
import { intervention } from './test-arbitraries';

describe('checkIntervention', () => {
  it('accepts every valid normalized intervention unchanged', () => {
    fc.assert(
      fc.property(intervention, (a) => {
        const r = checkIntervention(a);
        expect(r.ok ? r.action : r.errors).toEqual(a);
        expect(validateIntervention(a)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a Deployment may name a controlling Foo the run created (a stand-in declares it)', () => {
    const a: InterventionAction = {
      action: 'create',
      object: {
        kind: 'Deployment',
        namespace: 'team-a',
        name: 'web',
        labels: {},
        finalizers: [],
        spec: { replicas: 2 },
        ownerFoo: 'web',
      },
    };
    expect(checkIntervention(a)).toEqual({ ok: true, action: a });
  });

  it('fills defaults and ignores fields that structured clone kept as undefined', () => {
    expect(checkIntervention({ action: 'closeWatch', kind: undefined })).toEqual({
      ok: true,
      action: { action: 'closeWatch' },
    });
    expect(checkIntervention({ action: 'delete', target: { kind: 'Foo', name: 'a' } })).toEqual({
      ok: true,
      action: { action: 'delete', target: { kind: 'Foo', namespace: 'default', name: 'a' } },
    });
  });

  it.each([
    [{ action: 'compact', extra: 1 }, /^extra: unknown field$/],
    [{ action: 'compact', at: 5 }, /no time of its own/],
    [{ action: 'explode' }, /unknown action "explode"/],
    [null, /must be a map/],
    ['compact', /must be a map/],
    [{ action: 'delete' }, /target: is required/],
    [{ action: 'delete', target: 'a' }, /target: must be a map/],
    [{ action: 'patch', target: { kind: 'Foo', name: 'a' }, labels: 'abc' }, /labels: must be a map/],
    [
      { action: 'update', target: { kind: 'Foo', name: 'a' }, spec: {}, resourceVersion: 42 },
      /resourceVersion: expected "42", got 42/,
    ],
    [{ action: 'update', target: { kind: 'Foo', name: 'a' }, spec: { replicas: 0 } }, /spec\.replicas/],
    [{ action: 'closeWatch', kind: null }, /kind: unknown field/],
    [
      {
        action: 'create',
        object: { kind: 'Foo', name: 'Bad_Name', labels: {}, finalizers: [], spec: { replicas: 1 } },
      },
      /name/,
    ],
    [
      {
        action: 'create',
        object: {
          kind: 'Foo',
          name: 'a',
          namespace: 'default',
          labels: {},
          finalizers: 'x',
          spec: { replicas: 1 },
        },
      },
      /finalizers: must be a list/,
    ],
    [{ action: 'failReconciles', count: 0 }, /count: must be an integer from 1/],
    [{ action: 'addHandler', kind: 'Pod', name: 'x' }, /kind: unknown kind "Pod"/],
  ])('%j is refused', (a, message) => {
    const errors = validateIntervention(a);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });
});

describe('readInterventionDocs', () => {
  it('reads file-format entries in order and names the first bad one', () => {
    const ok = readInterventionDocs([
      { action: 'compact' },
      { action: 'watchError', code: 410 },
      { action: 'refuseConnections', duration: '2s' },
    ]);
    expect(ok).toEqual({
      ok: true,
      actions: [
        { action: 'compact' },
        { action: 'watchError', code: 410 },
        { action: 'refuseConnections', durationMs: 2000 },
      ],
    });
    const bad = readInterventionDocs([
      { action: 'compact' },
      { action: 'watchError', code: 404 },
      { action: 'nope' },
    ]);
    expect(bad).toEqual({ ok: false, index: 1, errors: ['code: must be 410 or 500; got 404'] });
  });
});
