import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, LIMITS } from '../engine/model/defaults';
import type { Scenario } from '../engine/model/scenario';
import {
  formatScenarioError,
  type ParseResult,
  parseScenario,
  type ScenarioError,
  scenarioToYaml,
  validateScenario,
} from './parse';

/** Three header lines; extra lines start at line 4. */
const HEAD = 'apiVersion: informer-lab/v1\nkind: Scenario\nmetadata: { name: t }\n';

function ok(r: ParseResult): Scenario {
  if (!r.ok) throw new Error(`expected ok, got:\n${r.errors.map(formatScenarioError).join('\n')}`);
  return r.scenario;
}

function errors(r: ParseResult): ScenarioError[] {
  if (r.ok) throw new Error('expected errors, got ok');
  return r.errors;
}

function errorAt(r: ParseResult, path: string): ScenarioError {
  const all = errors(r);
  const e = all.find((x) => x.path === path);
  if (e === undefined)
    throw new Error(`no error at ${path}; got:\n${all.map(formatScenarioError).join('\n')}`);
  return e;
}

const FOO = (name: string, ns = 'default') =>
  `  - { kind: Foo, metadata: { namespace: ${ns}, name: ${name} }, spec: { deploymentName: ${name}, replicas: 1 } }\n`;

describe('parseScenario: defaults and normal forms', () => {
  it('fills every default for a minimal scenario', () => {
    const s = ok(parseScenario(HEAD));
    expect(s).toEqual({
      apiVersion: 'informer-lab/v1',
      name: 't',
      title: 't',
      description: '',
      seed: 1,
      settings: DEFAULT_SETTINGS,
      objects: [],
      script: [],
    });
  });

  it('normalizes manifests: namespace default, replicas 1, labels and finalizers empty', () => {
    const s = ok(
      parseScenario(
        `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a } }\n  - kind: Deployment\n    metadata:\n      name: a\n      ownerReferences: [{ kind: Foo, name: a, controller: true }]\n`,
      ),
    );
    expect(s.objects).toEqual([
      { kind: 'Foo', namespace: 'default', name: 'a', labels: {}, finalizers: [], spec: { replicas: 1 } },
      {
        kind: 'Deployment',
        namespace: 'default',
        name: 'a',
        labels: {},
        finalizers: [],
        spec: { replicas: 1 },
        ownerFoo: 'a',
      },
    ]);
  });

  it('converts every duration to ms and accepts a single duration as a range', () => {
    const s = ok(
      parseScenario(
        `${HEAD}settings:\n  resyncPeriod: 0\n  latency: { handler: 1ms, request: { max: 1s } }\n  rateLimiter: { type: maxOf, limiters: [{ type: exponential, base: 1ms }, { type: fastslow, fast: 5ms, slow: 10s, maxFast: 3 }, { type: bucket, qps: 0.5 }] }\n`,
      ),
    );
    expect(s.settings.resyncPeriodMs).toBe(0);
    expect(s.settings.latency.handler).toEqual({ min: 1, max: 1 });
    expect(s.settings.latency.request).toEqual({ min: 2, max: 1000 });
    expect(s.settings.rateLimiter).toEqual({
      type: 'maxOf',
      limiters: [
        { type: 'exponential', baseMs: 1, maxMs: 1_000_000 },
        { type: 'fastslow', fastMs: 5, slowMs: 10_000, maxFast: 3 },
        { type: 'bucket', qps: 0.5, burst: 100 },
      ],
    });
  });

  it('sorts the script by `at`, keeping file order for equal times', () => {
    const s = ok(
      parseScenario(
        `${HEAD}script:\n  - { at: 5s, action: compact }\n  - { at: 1s, action: failReconciles, count: 1 }\n  - { at: 5s, action: closeWatch, kind: Foo }\n  - { at: 1000, action: failReconciles, count: 2 }\n  - { at: 0, action: watchError, code: 410 }\n`,
      ),
    );
    expect(s.script).toEqual([
      { at: 0, action: 'watchError', code: 410 },
      { at: 1000, action: 'failReconciles', count: 1 },
      { at: 1000, action: 'failReconciles', count: 2 },
      { at: 5000, action: 'compact' },
      { at: 5000, action: 'closeWatch', kind: 'Foo' },
    ]);
  });

  it('reads every action shape', () => {
    const s = ok(
      parseScenario(
        `${HEAD}objects:\n${FOO('a')}script:\n` +
          '  - { at: 1s, action: create, object: { kind: Deployment, metadata: { name: d, finalizers: [example.com/keep] }, spec: { replicas: 0 } } }\n' +
          '  - { at: 2s, action: update, target: { kind: Foo, name: a }, spec: { replicas: 3 }, labels: { app: x }, resourceVersion: "17" }\n' +
          '  - { at: 3s, action: patch, target: { kind: Foo, namespace: default, name: a }, spec: { deploymentName: b } }\n' +
          '  - { at: 4s, action: removeFinalizer, target: { kind: Deployment, name: d }, finalizer: example.com/keep }\n' +
          '  - { at: 5s, action: delete, target: { kind: Foo, name: a } }\n' +
          '  - { at: 6s, action: refuseConnections, duration: 2s }\n' +
          '  - { at: 7s, action: apiErrors, code: 500, duration: 1m }\n' +
          '  - { at: 8s, action: addLatency, extra: 250ms, duration: 10s }\n' +
          '  - { at: 9s, action: watchError, code: 500, kind: Deployment }\n' +
          '  - { at: 10s, action: update, target: { kind: Foo, name: a }, spec: {}, resourceVersion: 5 }\n',
      ),
    );
    const ref = { kind: 'Foo', namespace: 'default', name: 'a' };
    expect(s.script).toEqual([
      {
        at: 1000,
        action: 'create',
        object: {
          kind: 'Deployment',
          namespace: 'default',
          name: 'd',
          labels: {},
          finalizers: ['example.com/keep'],
          spec: { replicas: 0 },
        },
      },
      {
        at: 2000,
        action: 'update',
        target: ref,
        spec: { replicas: 3 },
        labels: { app: 'x' },
        resourceVersion: '17',
      },
      { at: 3000, action: 'patch', target: ref, spec: { deploymentName: 'b' } },
      {
        at: 4000,
        action: 'removeFinalizer',
        target: { kind: 'Deployment', namespace: 'default', name: 'd' },
        finalizer: 'example.com/keep',
      },
      { at: 5000, action: 'delete', target: ref },
      { at: 6000, action: 'refuseConnections', durationMs: 2000 },
      { at: 7000, action: 'apiErrors', code: 500, durationMs: 60_000 },
      { at: 8000, action: 'addLatency', extraMs: 250, durationMs: 10_000 },
      { at: 9000, action: 'watchError', code: 500, kind: 'Deployment' },
      { at: 10_000, action: 'update', target: ref, spec: {}, resourceVersion: '5' },
    ]);
  });

  it('accepts JSON text and a plain value, with the same result as YAML', () => {
    const doc = {
      apiVersion: 'informer-lab/v1',
      kind: 'Scenario',
      metadata: { name: 'j' },
      objects: [{ kind: 'Foo', metadata: { name: 'a' } }],
      script: [{ at: '1s', action: 'delete', target: { kind: 'Foo', name: 'a' } }],
    };
    const fromJson = ok(parseScenario(JSON.stringify(doc, null, 2)));
    const fromValue = ok(validateScenario(doc));
    const fromYaml = ok(parseScenario(scenarioToYaml(fromJson)));
    expect(fromValue).toEqual(fromJson);
    expect(fromYaml).toEqual(fromJson);
    expect(ok(parseScenario(`\uFEFF${JSON.stringify(doc)}`))).toEqual(fromJson);
  });

  it('allows a Deployment created by the script to be owned by a Foo the script created before', () => {
    const create = (at: string, kind: string, owner = '') =>
      `  - { at: ${at}, action: create, object: { kind: ${kind}, metadata: { name: x${owner === '' ? '' : `, ownerReferences: [{ kind: Foo, name: ${owner}, controller: true }]`} } } }\n`;
    ok(parseScenario(`${HEAD}script:\n${create('1s', 'Foo')}${create('1s', 'Deployment', 'x')}`));
    const r = parseScenario(`${HEAD}script:\n${create('2s', 'Foo')}${create('1s', 'Deployment', 'x')}`);
    const e = errorAt(r, 'script[1].object.metadata.ownerReferences[0].name');
    expect(e.message).toMatch(
      /no Foo "x" in namespace "default" among objects or created earlier by the script/,
    );
    expect(e.line).toBe(6);
  });
});

describe('parseScenario: every problem is reported with its path, line and reason', () => {
  it.each<[string, string, string, RegExp, number | undefined]>([
    [
      'unknown top-level field',
      `${HEAD}colour: blue\n`,
      'colour',
      /unknown field; expected one of apiVersion, kind/,
      4,
    ],
    [
      'misspelt setting',
      `${HEAD}settings:\n  wrokers: 3\n`,
      'settings.wrokers',
      /did you mean "workers"\?/,
      5,
    ],
    [
      'workers out of range',
      `${HEAD}settings: { workers: 0 }\n`,
      'settings.workers',
      /^must be an integer from 1 to 16, got 0$/,
      4,
    ],
    [
      'historyWindow range',
      `${HEAD}settings: { historyWindow: 5 }\n`,
      'settings.historyWindow',
      /from 10 to 100000, got 5/,
      4,
    ],
    [
      'resync below 1s',
      `${HEAD}settings: { resyncPeriod: 500ms }\n`,
      'settings.resyncPeriod',
      /at least 1s \(or 0 to turn it off\)/,
      4,
    ],
    [
      'bad duration',
      `${HEAD}settings: { bookmarkInterval: soon }\n`,
      'settings.bookmarkInterval',
      /"soon" is not a duration/,
      4,
    ],
    [
      'min > max',
      `${HEAD}settings:\n  latency:\n    request: { min: 20ms, max: 10ms }\n`,
      'settings.latency.request',
      /^min \(20ms\) must not be greater than max \(10ms\)$/,
      6,
    ],
    [
      'min > default max',
      `${HEAD}settings: { gcDelay: { min: 1s } }\n`,
      'settings.gcDelay',
      /max \(500ms, the default\)/,
      4,
    ],
    [
      'failureRate > 1',
      `${HEAD}settings:\n  reconcile: { failureRate: 1.5 }\n`,
      'settings.reconcile.failureRate',
      /from 0 to 1, got 1.5/,
      5,
    ],
    [
      'failureRate < 0',
      `${HEAD}settings:\n  reconcile: { failureRate: -0.1 }\n`,
      'settings.reconcile.failureRate',
      /from 0 to 1/,
      5,
    ],
    [
      'limiter type',
      `${HEAD}settings: { rateLimiter: { type: token } }\n`,
      'settings.rateLimiter.type',
      /must be one of default, exponential/,
      4,
    ],
    [
      'exponential base > max',
      `${HEAD}settings: { rateLimiter: { type: exponential, base: 2s, max: 1s } }\n`,
      'settings.rateLimiter',
      /base \(2s\) must not be greater than max \(1s\)/,
      4,
    ],
    [
      'fastslow missing',
      `${HEAD}settings: { rateLimiter: { type: fastslow, fast: 1ms, slow: 1s } }\n`,
      'settings.rateLimiter.maxFast',
      /is required/,
      4,
    ],
    [
      'maxOf empty',
      `${HEAD}settings: { rateLimiter: { type: maxOf, limiters: [] } }\n`,
      'settings.rateLimiter.limiters',
      /list of 1 to 8 rate limiters/,
      4,
    ],
    [
      'maxOf too deep',
      `${HEAD}settings: { rateLimiter: { type: maxOf, limiters: [{ type: maxOf, limiters: [{ type: maxOf, limiters: [{ type: maxOf, limiters: [{ type: maxOf, limiters: [{type: default}] }] }] }] }] } }\n`,
      'settings.rateLimiter.limiters[0].limiters[0].limiters[0].limiters[0]',
      /nested too deeply/,
      4,
    ],
    [
      'wrong apiVersion',
      'apiVersion: v1\nkind: Scenario\n',
      'apiVersion',
      /^unsupported apiVersion "v1"; supported: informer-lab\/v1$/,
      1,
    ],
    [
      'missing apiVersion',
      'kind: Scenario\n',
      'apiVersion',
      /is required; this Informer Lab supports informer-lab\/v1/,
      1,
    ],
    [
      'newer version',
      'apiVersion: informer-lab/v2\nkind: Scenario\n',
      'apiVersion',
      /made by a newer Informer Lab/,
      1,
    ],
    [
      'newer beta version',
      'apiVersion: informer-lab/v3beta1\nkind: Scenario\n',
      'apiVersion',
      /made by a newer Informer Lab/,
      1,
    ],
    [
      'wrong kind',
      'apiVersion: informer-lab/v1\nkind: Lesson\n',
      'kind',
      /^must be Scenario; got "Lesson"$/,
      2,
    ],
    [
      'metadata missing',
      'apiVersion: informer-lab/v1\nkind: Scenario\n',
      'metadata',
      /must be a map, got nothing/,
      1,
    ],
    [
      'scenario name',
      'apiVersion: informer-lab/v1\nkind: Scenario\nmetadata: { name: My Scenario }\n',
      'metadata.name',
      /not a valid name/,
      3,
    ],
    ['seed negative', `${HEAD}seed: -1\n`, 'seed', /from 0 to 4294967295, got -1/, 4],
    ['seed fraction', `${HEAD}seed: 1.5\n`, 'seed', /integer/, 4],
    ['seed string', `${HEAD}seed: "42"\n`, 'seed', /got "42"/, 4],
    [
      'objects not a list',
      `${HEAD}objects: { a: 1 }\n`,
      'objects',
      /must be a list of object manifests, got a map/,
      4,
    ],
    [
      'bad object name',
      `${HEAD}objects:\n  - kind: Foo\n    metadata:\n      name: Bad_Name\n`,
      'objects[0].metadata.name',
      /^"Bad_Name" is not a valid Kubernetes name \(lowercase RFC 1123/,
      7,
    ],
    [
      'bad namespace',
      `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a, namespace: a.b } }\n`,
      'objects[0].metadata.namespace',
      /lowercase RFC 1123 label/,
      5,
    ],
    [
      'unknown object kind',
      `${HEAD}objects:\n  - { kind: Pod, metadata: { name: a } }\n`,
      'objects[0].kind',
      /unknown kind "Pod"; expected Foo or Deployment/,
      5,
    ],
    [
      'apiVersion mismatch',
      `${HEAD}objects:\n  - { apiVersion: apps/v1, kind: Foo, metadata: { name: a } }\n`,
      'objects[0].apiVersion',
      /must be samplecontroller.k8s.io\/v1alpha1 for kind Foo/,
      5,
    ],
    [
      'server-set field',
      `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a, resourceVersion: "5" } }\n`,
      'objects[0].metadata.resourceVersion',
      /set by the simulated API server/,
      5,
    ],
    [
      'status',
      `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a }, status: {} }\n`,
      'objects[0].status',
      /status is written by the controllers/,
      5,
    ],
    [
      'Foo replicas over CRD max',
      `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a }, spec: { replicas: 11 } }\n`,
      'objects[0].spec.replicas',
      /from 1 to 10, got 11/,
      5,
    ],
    [
      'Deployment with deploymentName',
      `${HEAD}objects:\n  - { kind: Deployment, metadata: { name: a }, spec: { deploymentName: a } }\n`,
      'objects[0].spec.deploymentName',
      /unknown field; expected one of replicas/,
      5,
    ],
    [
      'label value not a string',
      `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a, labels: { n: 1 } } }\n`,
      'objects[0].metadata.labels.n',
      /must be a string \(quote numbers and booleans\), got 1/,
      5,
    ],
    [
      'bad label key',
      `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a, labels: { "-x": "y" } } }\n`,
      'objects[0].metadata.labels["-x"]',
      /label key "-x" is not a valid qualified name/,
      5,
    ],
    [
      'label __proto__',
      `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a, labels: { __proto__: "y" } } }\n`,
      'objects[0].metadata.labels.__proto__',
      /not allowed as a label key/,
      5,
    ],
    [
      'label constructor',
      `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a, labels: { constructor: "y" } } }\n`,
      'objects[0].metadata.labels.constructor',
      /not allowed as a label key/,
      5,
    ],
    [
      'label prototype',
      `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a, labels: { prototype: "y" } } }\n`,
      'objects[0].metadata.labels.prototype',
      /not allowed as a label key/,
      5,
    ],
    [
      'duplicate finalizer',
      `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a, finalizers: [x/y, x/y] } }\n`,
      'objects[0].metadata.finalizers[1]',
      /listed twice/,
      5,
    ],
    [
      'duplicate object',
      `${HEAD}objects:\n${FOO('a')}${FOO('b')}${FOO('a')}`,
      'objects[2].metadata.name',
      /^duplicate object: Foo default\/a is already defined at objects\[0\]$/,
      7,
    ],
    [
      'owner Foo not in objects',
      `${HEAD}objects:\n${FOO('a', 'other')}  - kind: Deployment\n    metadata:\n      name: a\n      ownerReferences:\n        - { kind: Foo, name: a, controller: true }\n`,
      'objects[1].metadata.ownerReferences[0].name',
      /^no Foo "a" in namespace "default" among objects$/,
      10,
    ],
    [
      'owner not controller',
      `${HEAD}objects:\n${FOO('a')}  - { kind: Deployment, metadata: { name: a, ownerReferences: [{ kind: Foo, name: a }] } }\n`,
      'objects[1].metadata.ownerReferences[0].controller',
      /must be true/,
      6,
    ],
    [
      'owner on a Foo',
      `${HEAD}objects:\n  - { kind: Foo, metadata: { name: a, ownerReferences: [] } }\n`,
      'objects[0].metadata.ownerReferences',
      /only a Deployment may have ownerReferences/,
      5,
    ],
    ['script not a list', `${HEAD}script: 5\n`, 'script', /must be a list of actions, got 5/, 4],
    [
      'negative at',
      `${HEAD}script:\n  - { at: -1s, action: compact }\n`,
      'script[0].at',
      /must not be negative/,
      5,
    ],
    ['missing at', `${HEAD}script:\n  - { action: compact }\n`, 'script[0].at', /is required/, 5],
    [
      'unknown action',
      `${HEAD}script:\n  - { at: 1s, action: explode }\n`,
      'script[0].action',
      /^unknown action "explode"; expected one of create, update, patch, delete, removeFinalizer, closeWatch, watchError, compact, restartApiServer, lagReplica, refuseConnections, apiErrors, addLatency, slowHandlers, failReconciles, addHandler$/,
      5,
    ],
    [
      'shorthand form',
      `${HEAD}script:\n  - { at: 1s, create: { kind: Foo } }\n`,
      'script[0].action',
      /write "action: create"/,
      5,
    ],
    [
      'field of another action',
      `${HEAD}script:\n  - { at: 1s, action: compact, duration: 1s }\n`,
      'script[0].duration',
      /unknown field; expected one of at, action$/,
      5,
    ],
    [
      'invalid target name',
      `${HEAD}script:\n  - { at: 1s, action: delete, target: { kind: Foo, name: "no/slash" } }\n`,
      'script[0].target.name',
      /"no\/slash" is not a valid Kubernetes name/,
      5,
    ],
    [
      'missing target',
      `${HEAD}script:\n  - { at: 1s, action: delete }\n`,
      'script[0].target',
      /is required/,
      5,
    ],
    [
      'target kind',
      `${HEAD}script:\n  - { at: 1s, action: delete, target: { kind: Pod, name: a } }\n`,
      'script[0].target.kind',
      /unknown kind "Pod"/,
      5,
    ],
    [
      'update without spec',
      `${HEAD}script:\n  - { at: 1s, action: update, target: { kind: Foo, name: a } }\n`,
      'script[0].spec',
      /is required/,
      5,
    ],
    [
      'empty patch',
      `${HEAD}script:\n  - { at: 1s, action: patch, target: { kind: Foo, name: a } }\n`,
      'script[0]',
      /a patch must change spec or labels/,
      5,
    ],
    [
      'update replicas',
      `${HEAD}script:\n  - { at: 1s, action: update, target: { kind: Foo, name: a }, spec: { replicas: 0 } }\n`,
      'script[0].spec.replicas',
      /from 1 to 10, got 0/,
      5,
    ],
    [
      'bad resourceVersion',
      `${HEAD}script:\n  - { at: 1s, action: update, target: { kind: Foo, name: a }, spec: {}, resourceVersion: abc }\n`,
      'script[0].resourceVersion',
      /resourceVersion like "42"/,
      5,
    ],
    [
      'watchError code',
      `${HEAD}script:\n  - { at: 1s, action: watchError, code: 404 }\n`,
      'script[0].code',
      /^must be 410 or 500; got 404$/,
      5,
    ],
    [
      'apiErrors code',
      `${HEAD}script:\n  - { at: 1s, action: apiErrors, duration: 1s }\n`,
      'script[0].code',
      /^must be 429 or 500; it is missing$/,
      5,
    ],
    [
      'zero duration',
      `${HEAD}script:\n  - { at: 1s, action: refuseConnections, duration: 0 }\n`,
      'script[0].duration',
      /at least 1ms/,
      5,
    ],
    [
      'addLatency extra',
      `${HEAD}script:\n  - { at: 1s, action: addLatency, extra: fast, duration: 1s }\n`,
      'script[0].extra',
      /"fast" is not a duration/,
      5,
    ],
    [
      'failReconciles count',
      `${HEAD}script:\n  - { at: 1s, action: failReconciles, count: 0 }\n`,
      'script[0].count',
      /from 1 to 100000, got 0/,
      5,
    ],
    [
      'closeWatch kind',
      `${HEAD}script:\n  - { at: 1s, action: closeWatch, kind: foo }\n`,
      'script[0].kind',
      /unknown kind "foo"/,
      5,
    ],
    [
      'removeFinalizer name',
      `${HEAD}script:\n  - { at: 1s, action: removeFinalizer, target: { kind: Foo, name: a }, finalizer: "a b" }\n`,
      'script[0].finalizer',
      /^"a b" is not a valid qualified name/,
      5,
    ],
    [
      'title too long',
      `apiVersion: informer-lab/v1\nkind: Scenario\nmetadata: { name: t, title: "${'x'.repeat(201)}" }\n`,
      'metadata.title',
      /too long \(201 characters; at most 200\)/,
      3,
    ],
  ])('%s', (_, text, path, message, line) => {
    const e = errorAt(parseScenario(text), path);
    expect(e.message).toMatch(message);
    expect(e.line).toBe(line);
  });

  it('reports every problem, not just the first, sorted by line', () => {
    const text = `${HEAD}settings: { workers: 99, pageSize: 0 }\nobjects:\n  - { kind: Foo, metadata: { name: A } }\nscript:\n  - { at: -1, action: explode }\n  - { at: 1s, action: compact, extra: 1 }\n`;
    const all = errors(parseScenario(text));
    expect(all.map((e) => e.path)).toEqual([
      'settings.workers',
      'settings.pageSize',
      'objects[0].metadata.name',
      'script[0].at',
      'script[0].action',
      'script[1].extra',
    ]);
    expect(all.map((e) => e.line)).toEqual([4, 4, 6, 8, 8, 9]);
    expect(formatScenarioError(all[0]!)).toBe(
      'line 4: settings.workers: must be an integer from 1 to 16, got 99',
    );
  });

  it('maps errors of JSON text to lines too', () => {
    const text = JSON.stringify(
      { apiVersion: 'informer-lab/v1', kind: 'Scenario', metadata: { name: 'j' }, settings: { workers: 0 } },
      null,
      2,
    );
    const e = errorAt(parseScenario(text), 'settings.workers');
    expect(e.line).toBe(text.split('\n').findIndex((l) => l.includes('"workers"')) + 1);
  });

  it('gives no line for a plain value', () => {
    const e = errorAt(validateScenario({ apiVersion: 'informer-lab/v1', kind: 'Scenario' }), 'metadata');
    expect(e.line).toBeUndefined();
  });

  it('reports YAML syntax errors and duplicate keys with their lines', () => {
    const syntax = errors(parseScenario(`${HEAD}settings: { workers: 2\nseed: 1\n`));
    expect(syntax[0]!.message).toMatch(/^YAML syntax: /);
    expect(syntax[0]!.line).toBeGreaterThanOrEqual(4);
    const dup = errors(parseScenario(`${HEAD}seed: 1\nseed: 2\n`));
    expect(dup[0]!.message).toMatch(/unique/);
    expect(dup[0]!.line).toBe(5);
    expect(errors(parseScenario(`${HEAD}---\n${HEAD}`))[0]!.message).toMatch(/YAML syntax/);
  });

  it('explains empty and non-map documents', () => {
    expect(errors(parseScenario(''))[0]!.message).toMatch(/the scenario is empty/);
    expect(errors(parseScenario('# only a comment\n'))[0]!.message).toMatch(/the scenario is empty/);
    expect(errors(parseScenario('- 1\n- 2\n'))[0]!.message).toMatch(/must be a map .* got a list/);
    expect(errors(parseScenario('"hello"'))[0]!.message).toMatch(/must be a map/);
    expect(errors(validateScenario(42))[0]!.message).toMatch(/got 42/);
  });

  it('caps the number of listed problems', () => {
    const objects = Array.from({ length: 500 }, (_, i) => ({ kind: 'Foo', metadata: { name: `X${i}` } }));
    const all = errors(
      validateScenario({ apiVersion: 'informer-lab/v1', kind: 'Scenario', metadata: { name: 'c' }, objects }),
    );
    expect(all).toHaveLength(LIMITS.errors + 1);
    expect(all.at(-1)!.message).toBe(`...and ${500 - LIMITS.errors} more problems`);
  });
});

describe('parseScenario: hostile input', () => {
  const base = { apiVersion: 'informer-lab/v1', kind: 'Scenario', metadata: { name: 'h' } };

  it('caps objects, script and text size with clear messages', () => {
    const manyObjects = errors(
      validateScenario({ ...base, objects: new Array(LIMITS.objects + 1).fill(null) }),
    );
    expect(manyObjects[0]).toEqual({
      path: 'objects',
      message: 'has too many objects (20001; at most 20000)',
    });
    const manyActions = errors(
      validateScenario({ ...base, script: new Array(LIMITS.script + 1).fill(null) }),
    );
    expect(manyActions[0]).toEqual({
      path: 'script',
      message: 'has too many entries (10001; at most 10000)',
    });
    const big = `${HEAD}description: "${'x'.repeat(LIMITS.textBytes)}"\n`;
    expect(errors(parseScenario(big))[0]!.message).toMatch(/too large \(more than 2 MB\)/);
    // 3 bytes per character in UTF-8: 800,000 characters are 2.4 MB.
    expect(errors(parseScenario(`# ${'€'.repeat(800_000)}\n${HEAD}`))[0]!.message).toMatch(/too large/);
    ok(parseScenario(`# ${'€'.repeat(600_000)}\n${HEAD}`));
  });

  it('does not pollute prototypes through __proto__ keys (YAML or JSON)', () => {
    const json =
      '{"apiVersion":"informer-lab/v1","kind":"Scenario","metadata":{"name":"p"},"__proto__":{"polluted":1},"objects":[{"kind":"Foo","metadata":{"name":"a","labels":{"__proto__":{"polluted":1}}}}]}';
    const r1 = errors(parseScenario(json));
    expect(r1.map((e) => e.path)).toEqual(['__proto__', 'objects[0].metadata.labels.__proto__']);
    const r2 = errors(
      parseScenario(`${HEAD}__proto__: { polluted: 1 }\nconstructor: { prototype: { polluted: 1 } }\n`),
    );
    expect(r2.map((e) => e.path)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses alias bombs (an alias count cap, not expansion)', () => {
    const bomb = `${HEAD}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n`;
    const all = errors(parseScenario(bomb));
    expect(all[0]!.message).toMatch(/alias/i);
  });

  it('does not evaluate tags and never throws on deep nesting', () => {
    const tagged = `${HEAD}seed: !!js/function "function () { return 1 }"\n`;
    expect(errorAt(parseScenario(tagged), 'seed').message).toMatch(/integer/);
    const deep = `${HEAD}settings: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(parseScenario(deep).ok).toBe(false);
    const deepJson = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseScenario(deepJson).ok).toBe(false);
  });

  it('rejects non-string input without throwing', () => {
    expect(parseScenario(undefined as unknown as string).ok).toBe(false);
    expect(validateScenario(undefined).ok).toBe(false);
  });
});
