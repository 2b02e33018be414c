import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_RESTART, DEFAULT_SETTINGS } from '../../engine/model/defaults';
import type { ObjectRow } from '../../engine/model/frame';
import type { Scenario, ScriptAction } from '../../engine/model/scenario';
import type { InterventionAction } from '../../engine/model/session';
import { formatScenarioError, parseScenario, scenarioToYaml, validateScenario } from '../../scenarios/parse';
import { describeIntervention } from './intervention-kinds';
import {
  type BuildResult,
  buildAddHandler,
  buildAddLatency,
  buildApiErrors,
  buildCloseWatch,
  buildCompact,
  buildCreateFoo,
  buildDelete,
  buildFailReconciles,
  buildLagReplica,
  buildRefuseConnections,
  buildRestartApiServer,
  buildSlowHandlers,
  buildUpdateFooReplicas,
  buildWatchError,
  splitKey,
  validateFooReplicas,
  validateName,
  validateSeconds,
} from './interventions';

function row(kind: 'Foo' | 'Deployment', key: string, replicas = 1): ObjectRow {
  return {
    kind,
    key,
    rv: '7',
    uid: `uid-${key}`,
    generation: 1,
    replicas,
    availableReplicas: replicas,
    ref: key.split('/')[1]!,
    finalizers: [],
    deleting: false,
  };
}

const FOOS = [row('Foo', 'default/example-foo', 1), row('Foo', 'shop/frontend', 2)];
const DEPLOYMENTS = [row('Deployment', 'default/example-foo', 1)];

function ok(r: BuildResult): InterventionAction {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.action;
}

function problems(r: BuildResult): Record<string, string> {
  if (r.ok) throw new Error(`expected problems, got ${JSON.stringify(r.action)}`);
  return Object.fromEntries(r.problems.map((p) => [p.field, p.message]));
}

describe('validateName (RFC 1123 label)', () => {
  it('accepts lowercase names of letters, digits and dashes up to 63 characters', () => {
    for (const n of ['a', 'web', 'example-foo', 'a1', '0', '9lives', 'a-b-c', 'x'.repeat(63)]) {
      expect(validateName(n, 'Name'), n).toBeNull();
    }
  });

  it('rejects with a message that says what is wrong', () => {
    expect(validateName('', 'Name')).toBe('Name is required.');
    expect(validateName('x'.repeat(64), 'Name')).toBe('Name must be at most 63 characters (it has 64).');
    expect(validateName('Web', 'Name')).toBe('Name must be lowercase.');
    expect(validateName('my_foo', 'Name')).toBe('Name may contain only lowercase letters, digits and "-".');
    expect(validateName('my.foo', 'Namespace')).toBe(
      'Namespace may contain only lowercase letters, digits and "-".',
    );
    expect(validateName('a b', 'Name')).toMatch(/only lowercase letters/);
    expect(validateName('-web', 'Name')).toBe('Name must start and end with a letter or digit.');
    expect(validateName('web-', 'Name')).toBe('Name must start and end with a letter or digit.');
    expect(validateName('wéb', 'Name')).toMatch(/only lowercase letters/);
  });

  it('agrees with the Kubernetes regular expression on random strings', () => {
    const alphabet = 'abz09-_.A ';
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    const k8s = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
    for (let i = 0; i < 5000; i++) {
      const len = rand(70);
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[rand(alphabet.length)];
      const valid = s.length <= 63 && k8s.test(s);
      expect(validateName(s, 'Name') === null, JSON.stringify(s)).toBe(valid);
    }
  });
});

describe('number fields', () => {
  it('Foo replicas: whole numbers 1..10', () => {
    expect(validateFooReplicas('1').value).toBe(1);
    expect(validateFooReplicas(' 10 ').value).toBe(10);
    for (const bad of ['0', '11', '-1', '2.5', '1e1', 'abc', '0x3']) {
      expect(validateFooReplicas(bad).error, bad).toBe('Replicas must be a whole number from 1 to 10.');
    }
    expect(validateFooReplicas('').error).toBe('Replicas is required.');
  });

  it('seconds: positive, at most an hour, converted to integer ms', () => {
    expect(validateSeconds('5', 'Seconds').value).toBe(5000);
    expect(validateSeconds('0.5', 'Seconds').value).toBe(500);
    expect(validateSeconds('.25', 'Seconds').value).toBe(250);
    expect(validateSeconds('0.001', 'Seconds').value).toBe(1);
    expect(validateSeconds('3600', 'Seconds').value).toBe(3_600_000);
    for (const bad of ['0', '0.0001', '-1', '3601', 'abc', '1e3', '5s', 'Infinity']) {
      expect(validateSeconds(bad, 'Seconds').error, bad).toMatch(/^Seconds must be a number of seconds/);
    }
  });

  it('splitKey splits namespace/name', () => {
    expect(splitKey('default/web')).toEqual({ namespace: 'default', name: 'web' });
    expect(splitKey('web')).toBeNull();
    expect(splitKey('/web')).toBeNull();
    expect(splitKey('default/')).toBeNull();
  });
});

describe('builders', () => {
  it('create: a Foo manifest; the deployment name defaults to the Foo name', () => {
    const a = ok(
      buildCreateFoo({ namespace: 'default', name: 'web', replicas: '3', deploymentName: '' }, FOOS),
    );
    expect(a).toEqual({
      action: 'create',
      object: {
        kind: 'Foo',
        namespace: 'default',
        name: 'web',
        labels: {},
        finalizers: [],
        spec: { deploymentName: 'web', replicas: 3 },
      },
    });
    const b = ok(
      buildCreateFoo({ namespace: 'shop', name: 'api', replicas: '1', deploymentName: 'api-v2' }, FOOS),
    );
    expect(b.action === 'create' && b.object.spec.deploymentName).toBe('api-v2');
  });

  it('create: reports every bad field, and a name already taken', () => {
    expect(
      problems(
        buildCreateFoo({ namespace: 'Default', name: '', replicas: '12', deploymentName: 'x_y' }, FOOS),
      ),
    ).toEqual({
      namespace: 'Namespace must be lowercase.',
      name: 'Name is required.',
      replicas: 'Replicas must be a whole number from 1 to 10.',
      deploymentName: 'Deployment name may contain only lowercase letters, digits and "-".',
    });
    expect(
      problems(
        buildCreateFoo(
          { namespace: 'default', name: 'example-foo', replicas: '1', deploymentName: '' },
          FOOS,
        ),
      ),
    ).toEqual({ name: 'Foo default/example-foo already exists; choose another name.' });
  });

  it('update: a listed Foo and replicas 1..10', () => {
    expect(ok(buildUpdateFooReplicas({ key: 'shop/frontend', replicas: '7' }, FOOS))).toEqual({
      action: 'update',
      target: { kind: 'Foo', namespace: 'shop', name: 'frontend' },
      spec: { replicas: 7 },
    });
    expect(problems(buildUpdateFooReplicas({ key: 'default/gone', replicas: '0' }, FOOS))).toEqual({
      key: 'Choose a Foo that exists on the server.',
      replicas: 'Replicas must be a whole number from 1 to 10.',
    });
    expect(problems(buildUpdateFooReplicas({ key: '', replicas: '2' }, [])).key).toMatch(/Choose a Foo/);
  });

  it('delete: a listed object of the chosen kind', () => {
    expect(ok(buildDelete({ kind: 'Deployment', key: 'default/example-foo' }, DEPLOYMENTS))).toEqual({
      action: 'delete',
      target: { kind: 'Deployment', namespace: 'default', name: 'example-foo' },
    });
    expect(problems(buildDelete({ kind: 'Deployment', key: 'default/example-foo' }, FOOS)).key).toBe(
      'Choose a Deployment that exists on the server.',
    );
  });

  it('watch faults: all lanes or one', () => {
    expect(buildCloseWatch('all')).toEqual({ action: 'closeWatch' });
    expect(buildCloseWatch('Deployment')).toEqual({ action: 'closeWatch', kind: 'Deployment' });
    expect(buildWatchError(410, 'all')).toEqual({ action: 'watchError', code: 410 });
    expect(buildWatchError(500, 'Foo')).toEqual({ action: 'watchError', code: 500, kind: 'Foo' });
    expect(buildCompact()).toEqual({ action: 'compact' });
  });

  it('restartApiServer: down for the given seconds, then the caches re-initialise (S33)', () => {
    expect(ok(buildRestartApiServer('2'))).toEqual({
      action: 'restartApiServer',
      downtimeMs: 2000,
      cacheInitMs: DEFAULT_RESTART.cacheInitMs,
    });
    expect(buildRestartApiServer('x').ok).toBe(false);
  });

  it('replica faults (S38, S39): restart one replica, or make one lag', () => {
    expect(ok(buildRestartApiServer('3', 'B'))).toEqual({
      action: 'restartApiServer',
      downtimeMs: 3000,
      cacheInitMs: DEFAULT_RESTART.cacheInitMs,
      replica: 'B',
    });
    expect(ok(buildLagReplica('C', '4', '20'))).toEqual({
      action: 'lagReplica',
      replica: 'C',
      lagMs: 4000,
      durationMs: 20_000,
    });
    const bad = problems(buildLagReplica('B', '', 'x'));
    expect(Object.keys(bad).sort()).toEqual(['lag', 'seconds']);
  });

  it('server faults and failing reconciles', () => {
    expect(ok(buildRefuseConnections('2.5'))).toEqual({ action: 'refuseConnections', durationMs: 2500 });
    expect(ok(buildApiErrors(429, '10'))).toEqual({ action: 'apiErrors', code: 429, durationMs: 10_000 });
    expect(problems(buildApiErrors(500, '0')).seconds).toMatch(/greater than 0/);
    expect(ok(buildFailReconciles('3'))).toEqual({ action: 'failReconciles', count: 3 });
    expect(problems(buildFailReconciles('0')).count).toBe(
      'Reconciles must be a whole number from 1 to 100000.',
    );
  });

  it('slow-downs: extra ms 1..600000 for a number of seconds; every bad field reported', () => {
    expect(ok(buildAddLatency('200', '3'))).toEqual({ action: 'addLatency', extraMs: 200, durationMs: 3000 });
    expect(ok(buildSlowHandlers(' 600000 ', '0.5'))).toEqual({
      action: 'slowHandlers',
      extraMs: 600_000,
      durationMs: 500,
    });
    for (const bad of ['0', '600001', '1.5', '-3', 'abc']) {
      expect(problems(buildAddLatency(bad, '3')), bad).toEqual({
        extraMs: 'Extra latency (ms) must be a whole number from 1 to 600000.',
      });
    }
    expect(problems(buildSlowHandlers('', 'x'))).toEqual({
      extraMs: 'Extra latency (ms) is required.',
      seconds: 'Seconds must be a number of seconds greater than 0 and at most 3600.',
    });
  });

  it('addHandler: a valid, unused handler name', () => {
    expect(ok(buildAddHandler({ kind: 'Foo', name: ' audit-log ' }, ['sample-controller']))).toEqual({
      action: 'addHandler',
      kind: 'Foo',
      name: 'audit-log',
    });
    expect(problems(buildAddHandler({ kind: 'Foo', name: 'Audit' }, [])).name).toBe(
      'Handler name must be lowercase.',
    );
    expect(problems(buildAddHandler({ kind: 'Deployment', name: 'audit' }, ['audit'])).name).toBe(
      'The Deployment informer already has a handler named audit.',
    );
  });
});

describe('built interventions are valid scenario actions', () => {
  const built: InterventionAction[] = [
    ok(buildCreateFoo({ namespace: 'default', name: 'web', replicas: '3', deploymentName: '' }, FOOS)),
    ok(
      buildCreateFoo(
        { namespace: 'team-a', name: 'x'.repeat(63), replicas: '10', deploymentName: 'd1' },
        FOOS,
      ),
    ),
    ok(buildUpdateFooReplicas({ key: 'shop/frontend', replicas: '1' }, FOOS)),
    ok(buildDelete({ kind: 'Foo', key: 'default/example-foo' }, FOOS)),
    ok(buildDelete({ kind: 'Deployment', key: 'default/example-foo' }, DEPLOYMENTS)),
    buildCloseWatch('all'),
    buildCloseWatch('Foo'),
    buildWatchError(410, 'all'),
    buildWatchError(500, 'Deployment'),
    buildCompact(),
    ok(buildRestartApiServer('2')),
    ok(buildRefuseConnections('0.001')),
    ok(buildRefuseConnections('3600')),
    ok(buildApiErrors(429, '1.5')),
    ok(buildApiErrors(500, '30')),
    ok(buildAddLatency('1', '0.001')),
    ok(buildSlowHandlers('600000', '3600')),
    ok(buildFailReconciles('1')),
    ok(buildFailReconciles('100000')),
    ok(buildAddHandler({ kind: 'Foo', name: 'audit-log' }, [])),
    ok(buildAddHandler({ kind: 'Deployment', name: 'h' }, [])),
  ];

  // As the worker does: each intervention becomes a script action at the step's virtual time.
  const script: ScriptAction[] = built.map((a, i) => ({ ...a, at: 1000 * (i + 1) }) as ScriptAction);
  const scenario: Scenario = {
    apiVersion: 'informer-lab/v1',
    name: 'interventions',
    title: 'interventions',
    description: '',
    seed: 1,
    settings: DEFAULT_SETTINGS,
    objects: [],
    script,
  };

  it('covers every intervention the panel and the fault bar offer', () => {
    const offered = [
      'create',
      'update',
      'delete',
      'closeWatch',
      'watchError',
      'compact',
      'restartApiServer',
      'refuseConnections',
      'apiErrors',
      'addLatency',
      'slowHandlers',
      'failReconciles',
      'addHandler',
    ];
    expect(new Set(built.map((a) => a.action))).toEqual(new Set(offered));
  });

  it('validate through validateScenario (as a document) and come back unchanged', () => {
    const doc: unknown = parseYaml(scenarioToYaml(scenario));
    const r = validateScenario(doc);
    if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
    expect(r.scenario.script).toEqual(script);
  });

  it('parse from YAML text unchanged (the exported-scenario path)', () => {
    const r = parseScenario(scenarioToYaml(scenario));
    if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
    expect(r.scenario).toEqual(scenario);
  });

  it('each has a one-sentence description without unfilled placeholders', () => {
    for (const a of built) {
      const d = describeIntervention(a);
      expect(d, a.action).toMatch(/^[A-Z].*\.$/);
      expect(d, a.action).not.toMatch(/[{}]|controls\./);
    }
  });
});
