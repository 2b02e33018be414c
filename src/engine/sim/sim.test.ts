import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../../scenarios/library';
import { parseScenario } from '../../scenarios/parse';
import { isMessageId, MESSAGES, type MessageSpec, PARAM_TOKENS, type TokenParam } from '../model/messages';
import { ERAS, type Scenario, type ScriptAction } from '../model/scenario';
import type { TraceRecord } from '../model/trace';
import { createWorld } from './create-world';
import { buildFrame } from './frame';
import { cacheDiff, isQuiet, keysInProcess } from './invariants';
import { stepWorld } from './step';
import { inEra, randomHaScenario, randomScenario } from './test-scenarios';
import type { SimContext, World } from './world';

function load(name: string): Scenario {
  const r = parseScenario(libraryScenario(name)!.yaml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function run(
  s: Scenario,
  steps: number,
  each?: (w: World, recs: TraceRecord[]) => void,
): { w: World; recs: TraceRecord[] } {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  const recs: TraceRecord[] = [];
  while (w.step < steps) {
    const r = stepWorld(w, ctx);
    if (r === null) break;
    for (const x of r) recs.push(x);
    each?.(w, r);
  }
  return { w, recs };
}

/** Runs until virtual time `untilMs`, then on until the world is quiet (bounded). */
function runToQuiet(s: Scenario, untilMs: number, maxSteps = 400_000): World {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  while (w.now < untilMs && w.step < maxSteps) if (stepWorld(w, ctx) === null) break;
  while (!isQuiet(w) && w.step < maxSteps) if (stepWorld(w, ctx) === null) break;
  return w;
}

const json = (recs: TraceRecord[]) => JSON.stringify(recs);

describe('determinism', () => {
  it('the same scenario and seed give an identical trace; another seed a different one', () => {
    const s = load('default');
    const a = run(s, 3000).recs;
    const b = run(s, 3000).recs;
    expect(json(a)).toBe(json(b));
    const c = run({ ...s, seed: s.seed + 1 }, 3000).recs;
    expect(json(c)).not.toBe(json(a));
  });
});

describe('worlds stepped in turn', () => {
  it("each gives the trace it gives alone (the step reuses its actors' envs and record buffer per world)", () => {
    const scenarios = [load('default'), randomScenario(7), load('default')];
    const alone = scenarios.map((s) => json(run(s, 1500).recs));
    const worlds = scenarios.map((s) => ({
      w: createWorld(s),
      ctx: { scenario: s, script: [...s.script] } as SimContext,
      recs: [] as TraceRecord[],
    }));
    // Uneven turns, so a world often resumes after another one ran several steps.
    for (let turn = 0; worlds.some((x) => x.w.step < 1500); turn++) {
      const x = worlds[turn % worlds.length]!;
      for (let i = 0; i < 1 + (turn % 4) && x.w.step < 1500; i++) {
        const r = stepWorld(x.w, x.ctx);
        if (r === null) break;
        for (const rec of r) x.recs.push(rec);
      }
    }
    expect(worlds.map((x) => json(x.recs))).toEqual(alone);
  });
});

describe('every step is visible', () => {
  it('each step emits at least one record, numbered consecutively, time never goes back', () => {
    let last = 0;
    let lastTime = 0;
    run(load('default'), 2000, (w, recs) => {
      expect(recs.length).toBeGreaterThan(0);
      for (const r of recs) {
        expect(r.step).toBe(last + 1);
        expect(r.time).toBeGreaterThanOrEqual(lastTime);
        lastTime = r.time;
      }
      last = w.step;
    });
  });

  it('every emitted message id is in the catalog, with exactly its declared params and known tokens', () => {
    const seen = new Set<string>();
    const wrong = new Set<string>();
    const collect = (_: World, recs: TraceRecord[]): void => {
      for (const r of recs) {
        seen.add(r.message);
        if (!isMessageId(r.message)) continue;
        // A record carries every declared param and, of its optional ones (S38: `replica`), any.
        const spec: MessageSpec = MESSAGES[r.message];
        const optional: readonly string[] = spec.optional ?? [];
        const declared = [...spec.params].sort().join();
        const carried = Object.keys(r.params)
          .filter((p) => !optional.includes(p))
          .sort()
          .join();
        if (carried !== declared) wrong.add(`${r.message} carries {${carried}}, declares {${declared}}`);
        for (const [name, v] of Object.entries(r.params)) {
          if (!Object.hasOwn(PARAM_TOKENS, name)) continue;
          const tokens: readonly unknown[] = PARAM_TOKENS[name as TokenParam];
          if (!tokens.includes(v)) wrong.add(`${r.message}: ${name}=${String(v)} is not a token`);
        }
      }
    };
    for (const seed of [1, 2, 3, 4, 5, 6]) run(randomScenario(seed), 3000, collect);
    for (const seed of [1, 2, 3]) run(randomHaScenario(seed), 3000, collect);
    run(load('default'), 3000, collect);
    // Modern lanes (settings.era modern) emit their own messages.
    for (const seed of [1, 2, 3, 4, 5, 6]) run(inEra(randomScenario(seed), 'modern'), 3000, collect);
    run(inEra(load('default'), 'modern'), 3000, collect);
    expect(seen).toContain('informer.pop-batch');
    const missing = [...seen].filter((m) => !isMessageId(m));
    expect(missing).toEqual([]);
    expect([...wrong]).toEqual([]);
  });

  it('params carry data, not prose: no string parameter holds a phrase of English words', () => {
    // Sentences belong to the narration tables (src/i18n); a param is a number, key, resourceVersion,
    // reason token, client-go name or catalog token. A list of names ("Added, Updated") is data too.
    const prose = /[A-Za-z]{2,} [a-z]{2,}/;
    const found = new Set<string>();
    const collect = (_: World, recs: TraceRecord[]): void => {
      for (const r of recs)
        for (const [name, v] of Object.entries(r.params))
          if (typeof v === 'string' && prose.test(v)) found.add(`${r.message} ${name}: ${v}`);
    };
    for (const seed of [1, 2, 3, 4, 5, 6]) run(randomScenario(seed), 3000, collect);
    run(load('default'), 3000, collect);
    for (const seed of [1, 2, 3]) run(inEra(randomScenario(seed), 'modern'), 3000, collect);
    expect([...found].slice(0, 10)).toEqual([]);
  });
});

describe('W3: a key is never processed by two workers at once', () => {
  it.each(ERAS)('holds for random scenarios with faults and several workers (%s era)', (era) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        run(inEra(randomScenario(seed), era), 4000, (w) => {
          const keys = keysInProcess(w);
          expect(new Set(keys).size).toBe(keys.length);
        });
      }),
      { numRuns: 25, seed: 1234 },
    );
  });
});

describe('convergence: after faults stop and the system is quiet, every cache equals the server', () => {
  it.each(ERAS)('indexers hold exactly the server objects and the workqueue is empty (%s era)', (era) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const s = inEra(randomScenario(seed), era);
        const w = runToQuiet(s, 26_000);
        expect(isQuiet(w)).toBe(true);
        expect(cacheDiff(w)).toEqual([]);
      }),
      { numRuns: 30, seed: 99 },
    );
  });
});

describe('the default scenario is not a toy: races arise from timing alone', () => {
  const s = load('default');
  expect(
    s.script.every((a) => ['create', 'update', 'patch', 'delete', 'removeFinalizer'].includes(a.action)),
  ).toBe(true);
  const { recs } = run(s, 6000);

  it('shows a 409 (AlreadyExists or Conflict) retried with backoff (C6)', () => {
    const i = recs.findIndex((r) => r.message === 'worker.add-rate-limited' && r.params.code === 409);
    expect(i).toBeGreaterThan(-1);
    const key = recs[i]!.key;
    // ... and the retry comes back through the delaying queue and is processed again.
    expect(recs.slice(i).some((r) => r.message === 'workqueue.delayed-ready' && r.key === key)).toBe(true);
  });

  it('shows a handler whose lister is already ahead of the notification it handles (SI5)', () => {
    expect(recs.some((r) => r.component === 'handler' && r.params.listerAhead === true)).toBe(true);
  });

  it('the same races show up for other seeds too (they come from timing, not from one lucky seed)', () => {
    for (const seed of [1, 2, 3]) {
      const r = run({ ...s, seed }, 1500).w.stats;
      expect(r.conflicts + r.alreadyExists).toBeGreaterThan(0);
      expect(r.addedWhileProcessing).toBeGreaterThan(0);
    }
  });

  it('shows a key added again while a worker holds it, coalesced into one more pass (W1, W3)', () => {
    const i = recs.findIndex(
      (r) => r.message === 'workqueue.add' && r.params.result === 'dirty-while-processing',
    );
    expect(i).toBeGreaterThan(-1);
    const key = recs[i]!.key;
    expect(
      recs.slice(i).some((r) => r.message === 'worker.done' && r.key === key && r.params.requeued === true),
    ).toBe(true);
  });
});

describe('SI8: a handler added to a running informer', () => {
  it('first gets one OnAdd(isInInitialList=true) per cached object, then live notifications, and its registration syncs', () => {
    const base = load('default');
    const addAudit: ScriptAction = {
      at: 35_000,
      action: 'addHandler',
      kind: 'Foo',
      name: 'audit',
      resyncPeriodMs: 0,
    };
    const s: Scenario = {
      ...base,
      script: [...base.script, addAudit].sort((a, b) => a.at - b.at),
    };
    const { recs, w } = run(s, 3000);
    const audit0 = buildFrame(w, []).lanes.Foo.listeners.find((l) => l.handler === 'audit');
    expect(audit0?.hasSynced).toBe(true);
    expect(audit0?.initialPending).toBe(0);
    const added = recs.find((r) => r.message === 'informer.handler-added');
    expect(added).toBeDefined();
    const n = added!.params.initialAdds as number;
    expect(n).toBeGreaterThan(0);
    const audit = recs.filter((r) => r.component === 'handler' && r.params.handler === 'audit');
    expect(
      audit.slice(0, n).every((r) => r.message === 'handler.OnAdd' && r.params.isInInitialList === true),
    ).toBe(true);
    // The audit handler enqueues nothing: every workqueue add comes from the controller's handlers.
    const auditSteps = new Set(audit.map((r) => r.step));
    expect(recs.some((r) => auditSteps.has(r.step) && r.message === 'workqueue.add')).toBe(false);
  });
});

describe('slowHandlers fault', () => {
  it('makes listeners fall behind: handler runs are spaced by the extra time and the lister gets ahead more often', () => {
    const base = load('default');
    const slow: ScriptAction = { at: 3_900, action: 'slowHandlers', extraMs: 250, durationMs: 6_000 };
    const s: Scenario = { ...base, script: [...base.script, slow].sort((a, b) => a.at - b.at) };
    const normal = run(base, 1500).w.stats.listerAhead;
    const { recs, w } = run(s, 1500);
    expect(recs.some((r) => r.message === 'fault.slow-handlers')).toBe(true);
    const runs = recs.filter(
      (r) =>
        r.component === 'handler' && r.message.startsWith('handler.On') && r.time > 4_000 && r.time < 9_000,
    );
    expect(runs.length).toBeGreaterThan(2);
    // Per listener, consecutive handler runs during the fault are at least the extra time apart.
    for (const lane of ['Foo', 'Deployment'] as const) {
      const times = runs.filter((r) => r.lane === lane && r.params.handler !== undefined).map((r) => r.time);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(250);
    }
    expect(w.stats.listerAhead).toBeGreaterThan(normal);
  });
});
