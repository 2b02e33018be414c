/**
 * The REST clients in the running simulator (spec K1–K7): the tests of issue 9 that close the easy way
 * out. Client-side throttling (K1, K2, K7), Retry-After retries (K4, K5) and what reaches the workers
 * and reflectors (K6), all from the trace and the world's REST state.
 */
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../../scenarios/library';
import { parseScenario } from '../../scenarios/parse';
import { DEFAULT_SETTINGS } from '../model/defaults';
import type { ObjectManifest, Scenario, ScriptAction, Settings } from '../model/scenario';
import type { TraceRecord } from '../model/trace';
import { withRulesOff } from '../rules';
import { createWorld } from './create-world';
import { stepWorld } from './step';
import type { SimContext, World } from './world';

function foo(name: string): ObjectManifest {
  return {
    kind: 'Foo',
    namespace: 'default',
    name,
    labels: {},
    finalizers: [],
    spec: { deploymentName: name, replicas: 1 },
  };
}

function scenario(
  settings: Partial<Settings>,
  objects: readonly ObjectManifest[],
  script: readonly ScriptAction[],
): Scenario {
  return {
    apiVersion: 'informer-lab/v1',
    name: 'rest',
    title: 'rest',
    description: '',
    seed: 9,
    settings: { ...DEFAULT_SETTINGS, resyncPeriodMs: 0, ...settings },
    objects,
    script,
  };
}

const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `f${String(i).padStart(3, '0')}`);

/** Departure of every write attempt: its call id, verb, attempt, time it left and its token wait. */
interface Departure {
  readonly id: number;
  readonly verb: string;
  readonly attempt: number;
  readonly at: number;
  readonly waitedMs: number;
}

function run(s: Scenario, untilMs: number): { w: World; recs: TraceRecord[]; writes: Departure[] } {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  const recs: TraceRecord[] = [];
  const seen = new Set<string>();
  const writes: Departure[] = [];
  while (w.now < untilMs) {
    const r = stepWorld(w, ctx);
    if (r === null) break;
    for (const x of r) recs.push(x);
    // A call stays in flight at least until the server's step, so every departure is seen here.
    for (const c of w.rest.calls.values()) {
      if (c.phase !== 'in-flight' || c.target.kind !== 'write') continue;
      const k = `${c.id}/${c.attempt}`;
      if (seen.has(k)) continue;
      seen.add(k);
      writes.push({
        id: c.id,
        verb: c.target.req.verb,
        attempt: c.attempt,
        at: c.since,
        waitedMs: c.waitedMs,
      });
    }
  }
  writes.sort((a, b) => a.at - b.at || a.id - b.id);
  return { w, recs, writes };
}

/** 100 Foos created at 2 s; 16 workers so that many creates are asked for at once. */
function hundredCreates(extra: ScriptAction[] = []): Scenario {
  const creates: ScriptAction[] = names(100).map((n) => ({ at: 2000, action: 'create', object: foo(n) }));
  return scenario(
    { workers: 16, deploymentRollout: { min: 60_000, max: 90_000 } },
    [],
    [...creates, ...extra],
  );
}

describe('K1, K2, K7: client-side throttling with QPS and Burst unset', () => {
  const { recs, writes } = run(hundredCreates(), 25_000);
  const creates = writes.filter((d) => d.verb === 'create');

  it('100 creates: exactly 10 at once, then one every 200 ms', () => {
    expect(creates).toHaveLength(100);
    const first = creates[0]!.at;
    const unthrottled = creates.filter((d) => d.waitedMs === 0);
    expect(unthrottled).toHaveLength(10);
    expect(unthrottled.every((d) => d.at - first < 200)).toBe(true);
    expect(creates.slice(10).map((d) => d.at - first)).toEqual(
      Array.from({ length: 90 }, (_, i) => 200 * (i + 1)),
    );
    // K3: the waits are told in client-go's words; the last create waited for its token.
    const told = recs.filter((r) => r.message === 'rest.throttled' && r.params.client === 'AppsV1');
    expect(told.length).toBeGreaterThan(80);
    expect(told[0]!.params.url).toBe('https://10.96.0.1:443/apis/apps/v1/namespaces/default/deployments');
    expect(told[0]!.params.verb).toBe('POST');
  });

  it('K3 [1.36]: in the modern era the same waits are logged as the structured "Waited before sending request" line', () => {
    const base = hundredCreates();
    const modern = run({ ...base, settings: { ...base.settings, era: 'modern' } }, 25_000);
    const told = modern.recs.filter(
      (r) => r.message === 'rest.throttled-structured' && r.params.client === 'AppsV1',
    );
    expect(told.length).toBeGreaterThan(80);
    expect(modern.recs.filter((r) => r.message === 'rest.throttled')).toEqual([]);
    expect(recs.filter((r) => r.message === 'rest.throttled-structured')).toEqual([]);
  });

  it('Foo status writes are not held up by the AppsV1 bucket', () => {
    const status = writes.filter((d) => d.verb === 'updateStatus');
    const lastAtOnce = creates[9]!.at;
    // While the 11th create and those after it wait for AppsV1 tokens, status writes leave at once
    // from the SamplecontrollerV1alpha1 bucket.
    const free = status.filter((d) => d.waitedMs === 0 && d.at > lastAtOnce && d.at < creates[10]!.at);
    expect(free.length).toBeGreaterThan(0);
    expect(status.slice(0, 10).every((d) => d.waitedMs === 0)).toBe(true);
  });

  it('with K2 off all 100 creates leave as fast as the workers ask', () => {
    const off = withRulesOff(['K2_CLIENT_RATE_LIMIT'], () => run(hundredCreates(), 10_000));
    const c = off.writes.filter((d) => d.verb === 'create');
    expect(c).toHaveLength(100);
    expect(c.every((d) => d.waitedMs === 0)).toBe(true);
    expect(c.at(-1)!.at - c[0]!.at).toBeLessThan(2500);
  });
});

describe('K1: an informer LIST waits in its group-version bucket; a WATCH first attempt does not', () => {
  // The Deployment watch ends with an ERROR at 3 s: the reflector backs off and relists through AppsV1,
  // whose bucket the creates have run into debt.
  const { recs } = run(
    hundredCreates([{ at: 3000, action: 'watchError', code: 500, kind: 'Deployment' }]),
    30_000,
  );

  it('the relist waits for an AppsV1 token, the watch after it goes out at once', () => {
    const i = recs.findIndex(
      (r) => r.message === 'reflector.list' && r.lane === 'Deployment' && r.params.relist,
    );
    expect(i).toBeGreaterThan(-1);
    const listAt = recs[i]!.time;
    const wait = recs
      .slice(i)
      .find((r) => r.component === 'reflector' && r.lane === 'Deployment' && r.message === 'rest.throttled');
    expect(wait?.params.verb).toBe('GET');
    expect(String(wait?.params.url)).toContain('/apis/apps/v1/deployments?');
    expect(wait!.time - listAt).toBe(wait!.params.waitedMs);
    expect(Number(wait!.params.waitedMs)).toBeGreaterThan(1000);
    const served = recs.slice(i).find((r) => r.message === 'apiserver.list' && r.lane === 'Deployment');
    expect(served!.time).toBeGreaterThanOrEqual(wait!.time);
    // The WATCH that follows the relist: no token wait, at the server within one request latency.
    const j = recs.findIndex((r, k) => k > i && r.message === 'reflector.watch' && r.lane === 'Deployment');
    const opened = recs.slice(j).find((r) => r.message === 'apiserver.watch' && r.lane === 'Deployment');
    expect(opened!.time - recs[j]!.time).toBeLessThanOrEqual(DEFAULT_SETTINGS.latency.request.max);
    expect(
      recs
        .slice(j, recs.indexOf(opened!))
        .some((r) => r.component === 'reflector' && r.message.startsWith('rest.')),
    ).toBe(false);
  });
});

/** One Foo whose reconcile's status write meets a burst of errors. */
function errorBurst(code: 429 | 500, durationMs: number, retryAfter?: number): Scenario {
  const fault: ScriptAction =
    retryAfter === undefined
      ? { at: 2000, action: 'apiErrors', code, durationMs }
      : { at: 2000, action: 'apiErrors', code, durationMs, retryAfter };
  return scenario(
    {},
    [foo('alpha')],
    [
      fault,
      {
        at: 2000,
        action: 'patch',
        target: { kind: 'Foo', namespace: 'default', name: 'alpha' },
        labels: { x: '1' },
      },
    ],
  );
}

const is = (m: string) => (r: TraceRecord) => r.message === m;

describe('K4, K6: Retry-After retries', () => {
  it('a 3 s burst of 429s only delays the write: no AddRateLimited', () => {
    const { recs, writes } = run(errorBurst(429, 3000), 12_000);
    expect(recs.some(is('worker.add-rate-limited'))).toBe(false);
    const status = writes.filter((d) => d.verb === 'updateStatus' && d.at >= 2000);
    const id = status[0]!.id;
    const attempts = status.filter((d) => d.id === id);
    // Attempts 1 s apart (plus the round trip) until the burst is over; the last one succeeds.
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts.length).toBeLessThanOrEqual(4);
    for (let k = 1; k < attempts.length; k++)
      expect(attempts[k]!.at - attempts[k - 1]!.at).toBeGreaterThanOrEqual(1000);
    expect(recs.filter(is('rest.retry-after')).map((r) => r.params.retryAfter)).toEqual(
      Array(attempts.length - 1).fill(1),
    );
    const ok = recs.find(
      (r) => r.message === 'client.response-ok' && r.params.stage === 'update-status' && r.time > 2000,
    );
    expect(ok!.time).toBeGreaterThanOrEqual(5000);
  });

  it('a 15 s burst hands the 429 to the worker after 11 attempts, and the workqueue backs off', () => {
    const { recs } = run(errorBurst(429, 15_000), 20_000);
    const arl = recs.findIndex(is('worker.add-rate-limited'));
    expect(arl).toBeGreaterThan(-1);
    expect(recs[arl]!.params.code).toBe(429);
    const before = recs.slice(0, arl);
    const answered = before.filter((r) => r.message === 'apiserver.write' && r.params.code === 429);
    expect(answered).toHaveLength(11);
    expect(before.filter(is('rest.retry-after'))).toHaveLength(10);
    expect(before.filter(is('rest.retry'))).toHaveLength(10);
    const gaveUp = before.filter(is('rest.retries-exhausted'));
    expect(gaveUp.map((r) => r.params.attempts)).toEqual([11]);
    // About ten Retry-After seconds after the first attempt, not before.
    expect(recs[arl]!.time - answered[0]!.time).toBeGreaterThanOrEqual(10_000);
    expect(recs[arl]!.time - answered[0]!.time).toBeLessThan(11_000);
  });

  it('a 500 without Retry-After is not retried: the worker gets it at once', () => {
    const { recs } = run(errorBurst(500, 3000), 6000);
    const arl = recs.findIndex(is('worker.add-rate-limited'));
    expect(recs[arl]!.params.code).toBe(500);
    const before = recs.slice(0, arl);
    expect(before.filter((r) => r.message === 'apiserver.write' && r.params.code === 500)).toHaveLength(1);
    expect(recs.some((r) => r.message.startsWith('rest.retry'))).toBe(false);
  });

  it('a 500 with Retry-After (K5: any 5xx with the header) is retried; a 429 with retryAfter 0 is not', () => {
    const five = run(errorBurst(500, 1500, 1), 8000).recs;
    expect(five.some(is('worker.add-rate-limited'))).toBe(false);
    expect(five.filter(is('rest.retry-after')).length).toBeGreaterThan(0);
    const bare = run(errorBurst(429, 1500, 0), 8000).recs;
    expect(bare.some(is('rest.retry-after'))).toBe(false);
    expect(bare.find(is('worker.add-rate-limited'))?.params.code).toBe(429);
  });

  it('with K4 off the first 429 reaches the worker', () => {
    const { recs } = withRulesOff(['K4_RETRY_AFTER'], () => run(errorBurst(429, 3000), 6000));
    const arl = recs.findIndex(is('worker.add-rate-limited'));
    expect(
      recs.slice(0, arl).filter((r) => r.message === 'apiserver.write' && r.params.code === 429),
    ).toHaveLength(1);
  });

  it('an ERROR event inside an open watch is never retried by the REST client (K6)', () => {
    const s = scenario({}, [foo('alpha')], [{ at: 2000, action: 'watchError', code: 500 }]);
    const { recs } = run(s, 6000);
    const errs = recs.filter(is('reflector.watch-error'));
    expect(errs.length).toBe(2);
    expect(recs.some((r) => r.message.startsWith('rest.retry'))).toBe(false);
  });

  it('a reflector LIST meeting a short 429 burst is delayed, not failed: no R13 backoff', () => {
    const s = scenario(
      {},
      [foo('alpha')],
      [
        { at: 2000, action: 'apiErrors', code: 429, durationMs: 2500 },
        { at: 2000, action: 'watchError', code: 410, kind: 'Foo' },
      ],
    );
    const { recs } = run(s, 10_000);
    const relist = recs.findIndex(
      (r) => r.message === 'reflector.list' && r.lane === 'Foo' && r.params.relist,
    );
    expect(relist).toBeGreaterThan(-1);
    const after = recs.slice(relist);
    expect(after.some((r) => r.message === 'reflector.list-failed')).toBe(false);
    expect(after.filter((r) => r.lane === 'Foo' && r.message === 'rest.retry-after').length).toBeGreaterThan(
      0,
    );
    expect(after.some((r) => r.message === 'reflector.replace' && r.lane === 'Foo')).toBe(true);
  });
});

describe('the heavy scenario keeps sample-controller’s unset QPS and Burst (docs/SCENARIOS.md)', () => {
  it('creates its 1,200 Deployments at 5 per second: about 300 in the first minute, the last after 4 minutes', () => {
    const r = parseScenario(libraryScenario('heavy')!.yaml);
    if (!r.ok) throw new Error('heavy does not parse');
    const w = createWorld(r.scenario);
    const ctx: SimContext = { scenario: r.scenario, script: [...r.scenario.script] };
    const deployments = () => w.server.stores.Deployment.objects.size;
    let atMinute = -1;
    let allAt = -1;
    while (allAt < 0 && w.now < 300_000) {
      if (stepWorld(w, ctx) === null) break;
      if (atMinute < 0 && w.now >= 60_000) atMinute = deployments();
      if (deployments() === 1200) allAt = w.now;
    }
    // 10 at once, then 5 a second (K2): ≈ 10 + 5 × 58 s by the first minute, ≈ 238 s for all of them.
    expect(atMinute).toBeGreaterThanOrEqual(290);
    expect(atMinute).toBeLessThanOrEqual(305);
    expect(allAt).toBeGreaterThanOrEqual(238_000);
    expect(allAt).toBeLessThan(250_000);
  });
});
