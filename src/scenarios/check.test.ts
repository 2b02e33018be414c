/**
 * The one value check (./check.ts): values in normalized form are accepted exactly as they are; anything
 * a file could not say, or that normalization would change, is refused with a file-style message; hostile
 * values (prototype keys, deep nesting, cycles, throwing getters, wrong types) give a result, never an
 * exception. The interventions' share of the check is in ./intervention.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../engine/model/defaults';
import type { Scenario, Settings } from '../engine/model/scenario';
import { checkChangesValue, checkScenarioValue, checkSettingsChanges, MAX_NODES } from './check';
import { LESSONS, lessonById } from './lessons';
import { SCENARIO_LIBRARY } from './library/index';
import { type ParseResult, parseScenario, scenarioToYaml, validateScenario } from './parse';
import { changesOf, scenario, settings } from './test-arbitraries';
import { scenarioDoc } from './write';

function ok(r: ParseResult): Scenario {
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

const SMALL = ok(
  parseScenario(`apiVersion: informer-lab/v1
kind: Scenario
metadata: { name: small }
objects:
  - { kind: Foo, metadata: { name: a, labels: { app: x } }, spec: { deploymentName: a } }
script:
  - { at: 1s, action: update, target: { kind: Foo, name: a }, spec: { replicas: 3 } }
  - { at: 2s, action: compact }
`),
);

/** `value` with `v` at `path` (copies along the path; the rest is shared). */
function setIn(value: unknown, path: readonly (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const [k, ...rest] = path;
  const obj = (typeof value === 'object' && value !== null ? value : {}) as Record<string | number, unknown>;
  const copy = (Array.isArray(obj) ? [...obj] : { ...obj }) as Record<string | number, unknown>;
  copy[k!] = setIn(obj[k!], rest, v);
  return copy;
}

function errorsOf(r: { ok: boolean; errors?: string[] }): string {
  expect(r.ok).toBe(false);
  return (r.errors ?? []).join('\n');
}

describe('checkScenarioValue', () => {
  it('accepts every valid normalized scenario unchanged; both writer forms read back to it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = checkScenarioValue(s);
        expect(r.ok ? r.scenario : r.errors).toEqual(s);
        expect(ok(parseScenario(scenarioToYaml(s)))).toEqual(s);
        expect(ok(validateScenario(scenarioDoc(s, 'compact')))).toEqual(s);
      }),
      { numRuns: 100 },
    );
  });

  it('accepts the library scenarios and the lessons unchanged', () => {
    const all = [
      ...SCENARIO_LIBRARY.map((l) => ok(parseScenario(l.yaml))),
      ...LESSONS.map((l) => lessonById(l.id)!.scenario),
    ];
    for (const s of all) {
      const r = checkScenarioValue(structuredClone(s));
      expect(r.ok && r.scenario).toEqual(s);
    }
  });

  it('fills what the value leaves out, as a file does; undefined fields count as absent', () => {
    const { settings: _s, objects: _o, ...bare } = SMALL;
    const r = checkScenarioValue({ ...bare, objects: undefined, script: [] });
    expect(r.ok && r.scenario).toEqual({ ...SMALL, settings: DEFAULT_SETTINGS, objects: [], script: [] });
  });

  it.each([
    ['an unknown top-level field', { ...SMALL, extra: 1 }, /^extra: unknown field$/],
    ['an unknown setting', setIn(SMALL, ['settings', 'bogus'], 1), /settings\.bogus: unknown field/],
    [
      'a field of the file format, not of the value',
      setIn(SMALL, ['settings', 'resyncPeriod'], 1000),
      /resyncPeriod: unknown field/,
    ],
    ['a wrong type', { ...SMALL, seed: '7' }, /seed: must be an integer/],
    [
      'a number where a string belongs',
      setIn(SMALL, ['objects', 0, 'labels', 'app'], 5),
      /label value must be a string/,
    ],
    [
      'a duration normalization would round',
      setIn(SMALL, ['script', 0, 'at'], 1000.4),
      /script\[0\]\.at: expected 1000, got 1000\.4/,
    ],
    ['an unsorted script', { ...SMALL, script: [...SMALL.script].reverse() }, /script\[0\]/],
    [
      'an invalid name',
      setIn(SMALL, ['objects', 0, 'name'], 'Not_A_Name'),
      /objects\[0\]\.metadata\.name: "Not_A_Name" is not a valid/,
    ],
    [
      'a missing required field',
      setIn(SMALL, ['script', 0, 'target'], undefined),
      /script\[0\]\.target: is required/,
    ],
    [
      'another API version',
      { ...SMALL, apiVersion: 'informer-lab/v2' },
      /apiVersion: expected "informer-lab\/v1"/,
    ],
    ['a list where a map belongs', { ...SMALL, settings: [] }, /settings: must be a map/],
    ['a map where a list belongs', { ...SMALL, objects: {} }, /objects: must be a list/],
    ['an unknown action', setIn(SMALL, ['script', 1, 'action'], 'explode'), /unknown action "explode"/],
    [
      'a range with min > max',
      setIn(SMALL, ['settings', 'gcDelay'], { min: 9, max: 1 }),
      /gcDelay: min \(9ms\) must not be greater/,
    ],
    ['not a map', null, /must be a map/],
    ['a list', [SMALL], /must be a map/],
    ['text', 'apiVersion: informer-lab/v1', /must be a map/],
  ])('refuses %s', (_what, value, message) => {
    expect(errorsOf(checkScenarioValue(value))).toMatch(message);
  });

  it('refuses prototype keys, as the file reader does', () => {
    const labels = JSON.parse('{"__proto__": "x"}') as unknown;
    expect(errorsOf(checkScenarioValue(setIn(SMALL, ['objects', 0, 'labels'], labels)))).toMatch(
      /"__proto__" is not allowed as a label key/,
    );
    const top = { ...SMALL, ...(JSON.parse('{"__proto__": {"seed": 5}}') as object) };
    expect(errorsOf(checkScenarioValue(top))).toMatch(/__proto__.*unknown field/);
    const ctor = setIn(SMALL, ['objects', 0, 'labels'], { constructor: 'x' });
    expect(errorsOf(checkScenarioValue(ctor))).toMatch(/"constructor" is not allowed as a label key/);
  });

  it('refuses deep nesting, cycles and huge values without reading them, and never throws', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(errorsOf(checkScenarioValue({ ...SMALL, description: deep }))).toMatch(/nested too deeply/);
    const cyclic: Record<string, unknown> = { ...SMALL };
    cyclic.settings = cyclic;
    expect(errorsOf(checkScenarioValue(cyclic))).toMatch(/nested too deeply/);
    const huge = { ...SMALL, script: new Array<number>(MAX_NODES + 1).fill(0) };
    expect(errorsOf(checkScenarioValue(huge))).toMatch(/too large/);
    const evil = {
      ...SMALL,
      get seed(): number {
        throw new Error('boom');
      },
    };
    expect(errorsOf(checkScenarioValue(evil))).toMatch(/boom/);
  });

  it('random values and valid scenarios with a random part replaced: a result, never an exception', () => {
    const anyPath = fc.array(
      fc.oneof(
        fc.nat({ max: 3 }),
        fc.constantFrom(
          'settings',
          'objects',
          'script',
          'labels',
          'spec',
          'latency',
          'rateLimiter',
          'target',
        ),
      ),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(scenario, anyPath, fc.anything(), (s, path, v) => {
        const r = checkScenarioValue(setIn(s, path, v));
        if (r.ok) {
          // What is accepted is a fixed point: checking it again changes nothing.
          const again = checkScenarioValue(r.scenario);
          expect(again.ok && again.scenario).toEqual(r.scenario);
        } else {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(e).not.toMatch(/could not read|is not a valid scenario/);
        }
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(typeof checkScenarioValue(v).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkSettingsChanges', () => {
  const base = SMALL;

  it('each key present replaces that setting whole; the rest of the scenario stays', () => {
    fc.assert(
      fc.property(
        settings,
        fc.uniqueArray(fc.constantFrom(...(Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]))),
        (s, keys) => {
          const changes = changesOf(s, keys);
          const r = checkSettingsChanges(base, changes);
          expect(r.ok && r.scenario).toEqual({ ...base, settings: { ...base.settings, ...changes } });
          const c = checkChangesValue(changes);
          expect(c.ok && c.changes).toEqual(changes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the scenario the engine host made by writing YAML and parsing it back', () => {
    fc.assert(
      fc.property(
        scenario,
        settings,
        fc.uniqueArray(fc.constantFrom(...(Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]))),
        (lesson, s, keys) => {
          const changes = changesOf(s, keys);
          const host = ok(
            parseScenario(scenarioToYaml({ ...lesson, settings: { ...lesson.settings, ...changes } })),
          );
          const r = checkSettingsChanges(lesson, changes);
          expect(r.ok && r.scenario).toEqual(host);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('does what the engine host promises for lesson changes', () => {
    const r = checkSettingsChanges(base, { workers: 1, resyncPeriodMs: 0 });
    expect(r.ok && [r.scenario.settings.workers, r.scenario.settings.resyncPeriodMs]).toEqual([1, 0]);
    expect(checkSettingsChanges(base, {})).toEqual({ ok: true, scenario: base });
    const bogus = checkSettingsChanges(base, { bogus: 1, workers: 1 });
    expect(!bogus.ok && bogus.errors[0]).toMatch(/^unknown settings: "bogus"$/);
    expect(errorsOf(checkSettingsChanges(base, { workers: 99 }))).toMatch(
      /^workers: must be an integer from 1 to 16, got 99$/,
    );
    expect(errorsOf(checkSettingsChanges(base, [1]))).toMatch(/must be a map of settings/);
    expect(errorsOf(checkSettingsChanges(base, null))).toMatch(/must be a map of settings/);
  });

  it.each([
    ['a prototype key', JSON.parse('{"__proto__": {"workers": 3}}'), /unknown settings: "__proto__"/],
    ['constructor', { constructor: 1 }, /unknown settings: "constructor"/],
    ['a file-format name', { resyncPeriod: 1000 }, /unknown settings: "resyncPeriod"/],
    ['a string for a number', { workers: '2' }, /workers: must be an integer/],
    ['a resync below 1s', { resyncPeriodMs: 500 }, /resyncPeriod: must be at least 1s/],
    [
      'an extra field inside a setting',
      { watchTimeout: { min: 1000, max: 2000, step: 1 } },
      /watchTimeout\.step: unknown field/,
    ],
    ['an unknown rate limiter', { rateLimiter: { type: 'token' } }, /rateLimiter\.type: must be one of/],
    [
      'deep nesting',
      { mistakes: JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`) },
      /nested too deeply/,
    ],
  ])('refuses %s', (_what, changes, message) => {
    expect(errorsOf(checkSettingsChanges(base, changes))).toMatch(message);
  });

  it('a setting given in part is completed from the defaults, not from the lesson, as a file is', () => {
    const lesson = {
      ...base,
      settings: { ...base.settings, latency: { ...DEFAULT_SETTINGS.latency, handler: { min: 7, max: 9 } } },
    };
    const r = checkSettingsChanges(lesson, { latency: { request: { min: 1, max: 2 } } });
    expect(r.ok && r.scenario.settings.latency).toEqual({
      ...DEFAULT_SETTINGS.latency,
      request: { min: 1, max: 2 },
    });
  });

  it('undefined values count as absent', () => {
    const r = checkSettingsChanges(base, { workers: 3, pageSize: undefined });
    expect(r.ok && r.scenario.settings).toEqual({ ...base.settings, workers: 3 });
  });
});
