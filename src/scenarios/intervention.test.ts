/**
 * Interventions are checked like script entries of a scenario file (./check.ts), and in normalized form
 * nothing beyond the normalized action is accepted (so what is accepted is exactly what runs and is
 * exported). The check gives what the engine host's YAML round trip gave (hostRoundTrip below).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObjectManifest, ScriptAction } from '../engine/model/scenario';
import type { InterventionAction } from '../engine/model/session';
import { checkIntervention, readInterventionDocs, validateIntervention } from './check';
import { formatScenarioError, parseScenario, scenarioToYaml } from './parse';
import { intervention } from './test-arbitraries';

const BASE = parseScenario('apiVersion: informer-lab/v1\nkind: Scenario\nmetadata: { name: base }\n');

/**
 * What src/worker/engine-host.ts normalizeIntervention did before the one check: the action in a
 * one-action scenario (with a stand-in for an owner Foo), written as YAML and parsed back.
 */
function hostRoundTrip(
  action: InterventionAction,
): { ok: true; action: unknown } | { ok: false; errors: string[] } {
  if (!BASE.ok) throw new Error('base');
  const objects: ObjectManifest[] = [];
  if (
    action.action === 'create' &&
    action.object.kind === 'Deployment' &&
    action.object.ownerFoo !== undefined
  ) {
    const name = action.object.ownerFoo;
    objects.push({
      kind: 'Foo',
      namespace: action.object.namespace,
      name,
      labels: {},
      finalizers: [],
      spec: { deploymentName: name, replicas: 1 },
    });
  }
  const text = scenarioToYaml({ ...BASE.scenario, objects, script: [{ ...action, at: 0 } as ScriptAction] });
  const parsed = parseScenario(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(formatScenarioError) };
  const { at: _at, ...rest } = parsed.scenario.script[0]!;
  return { ok: true, action: rest };
}

describe('checkIntervention and the engine host', () => {
  it('gives the normalized action the host gave, for every valid intervention', () => {
    fc.assert(
      fc.property(intervention, (a) => {
        expect(checkIntervention(a)).toEqual(hostRoundTrip(a));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    { action: 'delete', target: { kind: 'Foo', namespace: 'default', name: 'Not_A_Name' } },
    { action: 'failReconciles', count: 0 },
    { action: 'update', target: { kind: 'Foo', namespace: 'default', name: 'a' }, spec: { replicas: 0 } },
    { action: 'watchError', code: 404 },
    { action: 'refuseConnections', durationMs: 0 },
    { action: 'addHandler', kind: 'Foo', name: 'h', resyncPeriodMs: 10 },
  ] as unknown as InterventionAction[])('refuses %j with the problems the host named', (a) => {
    const host = hostRoundTrip(a);
    const mine = checkIntervention(a);
    if (host.ok || mine.ok) throw new Error('expected both to refuse');
    // The host's lines read "line 7: script[0].count: ..."; the check's read "count: ...". The value a
    // message quotes is the written one: the host's YAML had "0s" where the check's document has 0 (ms).
    const problem = (e: string) => e.replace(/^line \d+: script\[0\]\.?/, '').replace(/, got .*$/, '');
    expect(host.errors.map(problem)).toEqual(mine.errors.map(problem));
    expect(mine.errors.map(problem)).not.toContain('');
  });
});

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
    [
      JSON.parse('{"action":"patch","target":{"kind":"Foo","name":"a"},"labels":{"__proto__":"x"}}'),
      /"__proto__" is not allowed as a label key/,
    ],
    [{ action: 'compact', constructor: 1 }, /constructor: unknown field/],
    [
      { action: 'patch', target: { kind: 'Foo', name: 'a' }, labels: { a: { b: { c: {} } } } },
      /label value must be a string/,
    ],
  ])('%j is refused', (a, message) => {
    const errors = validateIntervention(a);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });
});

describe('hostile interventions', () => {
  it('deep nesting, cycles and throwing getters give a refusal, never an exception', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(validateIntervention({ action: 'compact', kind: deep }).join()).toMatch(/nested too deeply/);
    const cyclic: Record<string, unknown> = { action: 'delete' };
    cyclic.target = cyclic;
    expect(validateIntervention(cyclic).join()).toMatch(/nested too deeply/);
    const evil = {
      get action(): string {
        throw new Error('boom');
      },
    };
    expect(validateIntervention(evil).join()).toMatch(/boom/);
  });

  it('random values never throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record(
            {
              action: fc.constantFrom('create', 'update', 'patch', 'delete', 'addHandler'),
              object: fc.anything(),
              target: fc.anything(),
              spec: fc.anything(),
              labels: fc.anything(),
            },
            { requiredKeys: ['action'] },
          ),
        ),
        (v) => {
          const r = checkIntervention(v);
          if (r.ok) expect(checkIntervention(r.action)).toEqual(r);
          else for (const e of r.errors) expect(e).not.toMatch(/is not a valid intervention/);
        },
      ),
      { numRuns: 1000 },
    );
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
