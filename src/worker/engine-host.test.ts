import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordView } from '../engine/model/frame';
import type { Scenario, ScriptAction } from '../engine/model/scenario';
import type { InterventionAction, RunUntil } from '../engine/model/session';
import { recordView } from '../engine/model/views';
import { isQuiet } from '../engine/sim/invariants';
import { createTimeline, seek } from '../engine/timeline/timeline';
import { libraryScenario } from '../scenarios/library';
import { parseScenario, scenarioToYaml } from '../scenarios/parse';
import { createEngineHost, type EngineHost, HOST_LIMITS } from './engine-host';
import type { AnswerTo, RequestBody, RequestType, Response } from './protocol';

function defaultScenario(): Scenario {
  const r = parseScenario(libraryScenario('default')!.yaml);
  if (!r.ok) throw new Error('default scenario does not parse');
  return r.scenario;
}

/** The default scenario plus faults: a 410 on the Foo watch at 5 s (a relist follows) and API errors. */
function faultyScenario(): Scenario {
  const base = defaultScenario();
  const extra: ScriptAction[] = [
    { at: 5000, action: 'watchError', code: 410, kind: 'Foo' },
    { at: 7000, action: 'refuseConnections', durationMs: 3000 },
  ];
  return { ...base, script: [...base.script, ...extra].sort((a, b) => a.at - b.at) };
}

const FAULTY_YAML = scenarioToYaml(faultyScenario());

/** A host with typed request helpers; fails the test on an unexpected answer type. */
function driver(opts: { keyframeInterval?: number } = { keyframeInterval: 50 }) {
  const host: EngineHost = createEngineHost(opts);
  let id = 0;
  function ask<R extends RequestBody>(req: R): AnswerTo<R['type']> {
    return host.handle({ ...req, id: ++id } as Parameters<EngineHost['handle']>[0]) as AnswerTo<R['type']>;
  }
  function ok<T extends RequestType>(res: AnswerTo<T>): Exclude<AnswerTo<T>, { type: 'error' }> {
    const r: Response = res;
    if (r.type === 'error') throw new Error(`unexpected error: ${r.message} ${r.details.join('; ')}`);
    return res as Exclude<AnswerTo<T>, { type: 'error' }>;
  }
  return {
    host,
    ask,
    load: (text = FAULTY_YAML) =>
      ok<'open'>(
        ask({ type: 'open', session: { source: { kind: 'text', text }, interventions: [], step: 0 } }),
      ),
    seek: (step: number) => ok<'seek'>(ask({ type: 'seek', step })),
    advance: (steps: number, summary = false) => ok<'advance'>(ask({ type: 'advance', steps, summary })),
    runUntil: (until: RunUntil, maxSteps = 20_000) =>
      ok<'run-until'>(ask({ type: 'run-until', until, maxSteps })),
    intervene: (step: number, action: InterventionAction) =>
      ok<'intervene'>(ask({ type: 'intervene', step, action })),
    records: (from: number, to: number) => ok<'records'>(ask({ type: 'records', from, to })),
  };
}

function expectError(res: Response, fatal: boolean): Extract<Response, { type: 'error' }> {
  expect(res.type).toBe('error');
  if (res.type !== 'error') throw new Error('not an error');
  expect(res.fatal).toBe(fatal);
  return res;
}

describe('EngineHost', () => {
  it('answers every request type', () => {
    const d = driver();
    const loaded = d.load();
    expect(loaded.type).toBe('opened');
    expect(loaded.frame.step).toBe(0);
    expect(loaded.frame.records).toEqual([]);
    expect(loaded.known).toBe(0);
    expect(loaded.scenario.name).toBe('default');

    const s = d.seek(40);
    expect([s.frame.step, s.known, s.ended, s.skipped]).toEqual([40, 40, false, null]);
    expect(s.frame.records.length).toBeGreaterThan(0);
    expect(s.frame.records.every((r) => r.step === 40)).toBe(true);

    const t = d.ask({ type: 'seek-time', time: 2000 });
    expect(t.type).toBe('frame');
    const a = d.advance(10, true);
    expect(a.skipped?.toStep).toBe(a.frame.step);
    const u = d.runUntil({ kind: 'next-api-event' });
    expect(u.untilReached).toBe(true);
    const iv = d.intervene(u.frame.step, { action: 'compact' });
    expect(iv.frame.step).toBe(u.frame.step);

    const recs = d.records(1, 20);
    expect(recs.records.length).toBeGreaterThan(0);
    const hist = d.ask({ type: 'history', key: 'default/frontend', upTo: 200 });
    expect(hist.type).toBe('history');
    const y = d.ask({ type: 'export-scenario' });
    expect(y.type).toBe('scenario-yaml');
    if (y.type === 'scenario-yaml') expect(y.yaml).toContain('action: compact');
  });

  it('loads the library by name, with a seed override; unknown names and bad arguments are refused', () => {
    const d = driver();
    const r = d.ask({
      type: 'open',
      session: { source: { kind: 'library', name: 'default' }, seed: 7, interventions: [], step: 0 },
    });
    expect(r.type === 'opened' && r.scenario.seed).toBe(7);
    expectError(
      d.ask({
        type: 'open',
        session: { source: { kind: 'library', name: 'nope' }, interventions: [], step: 0 },
      }),
      false,
    );
    expectError(
      d.ask({
        type: 'open',
        session: { source: { kind: 'library', name: 'default' }, seed: -1, interventions: [], step: 0 },
      }),
      false,
    );
    expectError(d.ask({ type: 'seek', step: Number.NaN }), false);
    expectError(
      d.ask({ type: 'run-until', until: { kind: 'bogus' } as unknown as RunUntil, maxSteps: 5 }),
      false,
    );
    expectError(createEngineHost().handle({ id: 1, type: 'seek', step: 3 }), false);
  });

  it('loads a lesson by id, with changes applied and validated like a file', () => {
    const base = defaultScenario();
    const lessons = (id: string) => (id === 'demo' ? { ...base, name: 'demo' } : undefined);
    const host = createEngineHost({ lessons });
    const ask = (source: unknown, id = 1) =>
      host.handle({
        id,
        type: 'open',
        session: { source, interventions: [], step: 0 },
      } as unknown as Parameters<EngineHost['handle']>[0]);
    const plain = ask({ kind: 'lesson', id: 'demo' });
    expect(plain.type === 'opened' && plain.scenario.name).toBe('demo');
    const changed = ask({ kind: 'lesson', id: 'demo', changes: { workers: 1, resyncPeriodMs: 0 } }, 2);
    if (changed.type !== 'opened') throw new Error(changed.type);
    expect(changed.frame.workers.length).toBe(1);
    const y = host.handle({ id: 3, type: 'export-scenario' });
    if (y.type !== 'scenario-yaml') throw new Error(y.type);
    const back = parseScenario(y.yaml);
    expect(back.ok && [back.scenario.settings.workers, back.scenario.settings.resyncPeriodMs]).toEqual([
      1, 0,
    ]);
    // An unknown lesson, an unknown setting and a value the format refuses are errors; nothing changes.
    expectError(ask({ kind: 'lesson', id: 'nope' }, 4), false);
    expect(
      expectError(ask({ kind: 'lesson', id: 'demo', changes: { bogus: 1 } }, 5), false).details[0],
    ).toMatch(/bogus/);
    expect(
      expectError(ask({ kind: 'lesson', id: 'demo', changes: { workers: 99 } }, 6), false).details.join(' '),
    ).toMatch(/workers/);
    expectError(ask({ kind: 'lesson', id: 'demo', changes: [1] }, 7), false);
    expectError(
      createEngineHost().handle({
        id: 8,
        type: 'open',
        session: { source: { kind: 'lesson', id: 'demo' }, interventions: [], step: 0 },
      }),
      false,
    );
    const still = host.handle({ id: 9, type: 'seek', step: 0 });
    expect(still.type === 'frame' && still.frame.workers.length).toBe(1);
  });

  it('trace answers raw records, looking ahead of the cursor without moving it', () => {
    const d = driver({ keyframeInterval: 50 });
    d.load();
    d.seek(40);
    const ahead = d.ask({ type: 'trace', from: 1, to: 300 });
    if (ahead.type !== 'trace') throw new Error(ahead.type);
    expect([ahead.from, ahead.to, ahead.truncated]).toEqual([1, 300, false]);
    const still = d.seek(40);
    expect([still.frame.step, still.known]).toEqual([40, 40]);
    d.seek(300);
    const views = d.records(1, 300).records;
    expect(ahead.records.map(recordView)).toEqual(views);
    // A window in the middle, and the compute budget.
    const mid = d.ask({ type: 'trace', from: 120, to: 130 });
    if (mid.type !== 'trace') throw new Error(mid.type);
    expect(mid.records.map(recordView)).toEqual(views.filter((v) => v.step >= 120 && v.step <= 130));
    const small = createEngineHost({ computePerRequest: 25 });
    small.handle({
      id: 1,
      type: 'open',
      session: { source: { kind: 'library', name: 'default' }, interventions: [], step: 0 },
    });
    const capped = small.handle({ id: 2, type: 'trace', from: 1, to: 100 });
    if (capped.type !== 'trace') throw new Error(capped.type);
    expect([capped.to, capped.truncated]).toEqual([25, true]);
    // A window that starts beyond the look-ahead cap is empty and cut short, not the end of the run.
    const beyond = small.handle({ id: 3, type: 'trace', from: 60, to: 100 });
    if (beyond.type !== 'trace') throw new Error(beyond.type);
    expect([beyond.records.length, beyond.to, beyond.truncated]).toEqual([0, 59, true]);
  });

  it('a bad scenario text is an error with the validator lines and leaves the previous timeline intact', () => {
    const d = driver();
    d.load();
    const before = d.seek(120).frame.digest;
    const bad = expectError(
      d.ask({
        type: 'open',
        session: {
          source: { kind: 'text', text: 'apiVersion: informer-lab/v1\nkind: Scenario\nseed: x\n' },
          interventions: [],
          step: 0,
        },
      }),
      false,
    );
    expect(bad.details.length).toBeGreaterThan(0);
    expect(bad.details.join('\n')).toMatch(/seed/);
    const after = d.seek(120);
    expect(after.frame.digest).toBe(before);
    expect(after.known).toBe(120);
  });

  it('seek(n) shows what a fresh host shows at n, in any order of seeks (keyframe steps included)', () => {
    const d = driver({ keyframeInterval: 50 });
    d.load();
    const fresh = new Map<number, string>();
    const freshDigest = (n: number): string => {
      let v = fresh.get(n);
      if (v === undefined) {
        const f = driver({ keyframeInterval: 1000 });
        f.load();
        v = f.seek(n).frame.digest;
        fresh.set(n, v);
      }
      return v;
    };
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 700 }), fc.constantFrom(50, 100, 300, 650)), {
          minLength: 1,
          maxLength: 6,
        }),
        (targets) => {
          for (const n of targets) {
            const f = d.seek(n).frame;
            expect(f.step).toBe(n);
            expect(f.digest).toBe(freshDigest(n));
          }
        },
      ),
      { numRuns: 15, seed: 11 },
    );
  });

  it('stepping back then forward returns the same digest', () => {
    const d = driver({ keyframeInterval: 25 });
    d.load();
    for (const n of [3, 24, 25, 26, 100, 250, 251]) {
      const at = d.seek(n).frame.digest;
      d.seek(n - 1);
      expect(d.advance(1).frame.digest).toBe(at);
      d.advance(1);
      expect(d.seek(n).frame.digest).toBe(at);
    }
  });

  it('advance counts the skipped steps per arrow and builds only the last frame', () => {
    const d = driver();
    d.load();
    d.seek(30);
    const a = d.advance(200, true);
    expect(a.frame.step).toBe(230);
    const recs = d.records(31, 229);
    expect(recs.to).toBe(229);
    const byArrow: Record<string, number> = {};
    for (const r of recs.records) byArrow[String(r.arrow)] = (byArrow[String(r.arrow)] ?? 0) + 1;
    expect(a.skipped).toEqual({ fromStep: 30, toStep: 230, records: recs.records.length, byArrow });
    // The frame is the one of step 230, as a seek shows it.
    expect(d.seek(230).frame.digest).toBe(a.frame.digest);
    expect(d.advance(5).skipped).toBeNull();
  });

  it('seek-time finds the first step whose time is ≥ t, inside and beyond the computed range', () => {
    const d = driver({ keyframeInterval: 40 });
    d.load();
    const check = (t: number): void => {
      const r = d.ask({ type: 'seek-time', time: t });
      if (r.type !== 'frame') throw new Error(r.type);
      const s = r.frame.step;
      expect(r.frame.time).toBeGreaterThanOrEqual(t);
      if (s > 0) expect(d.seek(s - 1).frame.time).toBeLessThan(t);
    };
    check(9_000); // beyond the computed range
    d.seek(600);
    for (const t of [0, 1, 150, 2_000, 4_321, 8_999]) check(t);
  });

  it('seek-time last-at-or-before goes to the last step whose time is ≤ t (step 0 when none), from anywhere, within budget', () => {
    // The naive answer: every step's time from one full trace window.
    const ref = driver({ keyframeInterval: 40 });
    ref.load();
    const tr = ref.ask({ type: 'trace', from: 1, to: 900 });
    if (tr.type !== 'trace') throw new Error(tr.type);
    const timeOf = new Map<number, number>();
    for (const x of tr.records) timeOf.set(x.step, x.time);
    const last = tr.to;
    const lastAtOrBefore = (t: number): number => {
      let s = 0;
      for (let i = 1; i <= last && timeOf.get(i)! <= t; i++) s = i;
      return s;
    };
    const maxT = timeOf.get(last)!;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ from: fc.integer({ min: 0, max: 700 }), t: fc.integer({ min: -50, max: maxT - 1 }) }),
          { minLength: 1, maxLength: 6 },
        ),
        (moves) => {
          const d = driver({ keyframeInterval: 40 });
          d.load();
          for (const m of moves) {
            d.seek(m.from);
            const r = d.ask({ type: 'seek-time', time: m.t, at: 'last-at-or-before' });
            if (r.type !== 'frame') throw new Error(r.type);
            expect(r.frame.step).toBe(lastAtOrBefore(m.t));
            // The frame is the one a plain seek shows at that step.
            expect(d.seek(r.frame.step).frame.digest).toBe(r.frame.digest);
          }
        },
      ),
      { numRuns: 15 },
    );
    // One request's budget: the answer stops at the last step computed (all ≤ t), and asking again goes on.
    const small = createEngineHost({ keyframeInterval: 40, computePerRequest: 100 });
    const open = small.handle({
      id: 1,
      type: 'open',
      session: { source: { kind: 'text', text: FAULTY_YAML }, interventions: [], step: 0 },
    });
    expect(open.type).toBe('opened');
    const far = timeOf.get(last - 1)!;
    const a = small.handle({ id: 2, type: 'seek-time', time: far, at: 'last-at-or-before' });
    if (a.type !== 'frame') throw new Error(a.type);
    expect(a.frame.step).toBe(Math.min(100, lastAtOrBefore(far)));
    let b = a;
    for (let id = 3; id < 20 && b.frame.step < lastAtOrBefore(far); id++) {
      const n = small.handle({ id, type: 'seek-time', time: far, at: 'last-at-or-before' });
      if (n.type !== 'frame') throw new Error(n.type);
      expect(n.frame.step).toBeGreaterThan(b.frame.step);
      b = n;
    }
    expect(b.frame.step).toBe(lastAtOrBefore(far));
    // A bad `at` is refused and changes nothing.
    const bad = small.handle({ id: 40, type: 'seek-time', time: 0, at: 'nearest' as never });
    expect(bad.type === 'error' && !bad.fatal).toBe(true);
  });

  it('run-until stops at the first step that matches, for every target', () => {
    const d = driver();
    d.load();
    const tl = createTimeline(faultyScenario());
    const cases: { until: RunUntil; match: (r: RecordView) => boolean }[] = [
      {
        until: { kind: 'next-api-event' },
        match: (r) => r.component === 'apiserver' || r.arrow === 'watch-event',
      },
      {
        until: { kind: 'relist' },
        match: (r) => r.message === 'reflector.replace' && r.params.relist === true,
      },
      {
        until: { kind: 'reconciled', key: 'default/cache' },
        match: (r) =>
          (r.message === 'worker.forget' || r.message === 'worker.add-rate-limited') &&
          r.key === 'default/cache',
      },
      {
        until: { kind: 'reconciled', key: null },
        match: (r) => r.message === 'worker.forget' || r.message === 'worker.add-rate-limited',
      },
      {
        until: { kind: 'error' },
        match: (r) =>
          (typeof r.params.code === 'number' && (r.params.code >= 400 || r.params.code === 0)) ||
          r.message === 'reflector.watch-error',
      },
    ];
    for (const start of [0, 150]) {
      for (const c of cases) {
        d.seek(start);
        const r = d.runUntil(c.until);
        expect(r.untilReached).toBe(true);
        const s = r.frame.step;
        expect(s).toBeGreaterThan(start);
        const between = d.records(start + 1, s).records;
        expect(between.filter((x) => x.step < s).some(c.match)).toBe(false);
        expect(between.filter((x) => x.step === s).some(c.match)).toBe(true);
      }
      d.seek(start);
      const q = d.runUntil({ kind: 'quiet' });
      expect(q.untilReached).toBe(true);
      for (let s = start + 1; s <= q.frame.step; s++)
        expect(isQuiet(seek(tl, s).world)).toBe(s === q.frame.step);
    }
    // A target that never comes stops at maxSteps, and says so.
    d.seek(0);
    const none = d.runUntil({ kind: 'reconciled', key: 'default/nothing' }, 300);
    expect([none.frame.step, none.untilReached]).toEqual([300, false]);
  });

  it('collects marks for faults, relists and errors as steps are computed', () => {
    const d = driver();
    d.load();
    const r = d.advance(700);
    const kinds = new Set(r.marks.map((m) => m.kind));
    expect(kinds).toEqual(new Set(['fault', 'relist', 'error']));
    const fault = r.marks.find((m) => m.kind === 'fault')!;
    const recs = d.records(fault.step, fault.step).records;
    expect(recs.some((x) => x.message.startsWith('fault.'))).toBe(true);
    // Marks are sorted and computed once: seeking back and forth does not duplicate them.
    d.seek(10);
    const again = d.seek(700).marks;
    expect(again).toEqual(r.marks);
    const steps = again.map((m) => m.step);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('intervene forks at the step: same frame there, a different future, marks after it dropped', () => {
    const d = driver({ keyframeInterval: 50 });
    d.load();
    const far = d.seek(600);
    const unforked = d.seek(400).frame.digest;
    const at = d.seek(150).frame;
    const marksBefore = far.marks.filter((m) => m.step <= 150);
    const f = d.intervene(150, {
      action: 'delete',
      target: { kind: 'Foo', namespace: 'default', name: 'frontend' },
    });
    expect(f.frame.step).toBe(150);
    expect(f.frame.digest).toBe(at.digest);
    expect(f.known).toBe(150);
    expect(f.marks).toEqual([
      ...marksBefore,
      {
        step: 150,
        time: at.time,
        kind: 'intervention',
        action: { action: 'delete', target: { kind: 'Foo', namespace: 'default', name: 'frontend' } },
      },
    ]);
    const after = d.seek(400);
    expect(after.frame.digest).not.toBe(unforked);
    expect(after.marks.every((m) => m.step <= 150 || m.kind !== 'intervention')).toBe(true);

    // The exported scenario replays the fork exactly.
    const y = d.ask({ type: 'export-scenario' });
    if (y.type !== 'scenario-yaml') throw new Error(y.type);
    const replay = driver({ keyframeInterval: 1000 });
    replay.load(y.yaml);
    expect(replay.seek(400).frame.digest).toBe(after.frame.digest);
  });

  it('an earlier fork drops the interventions made at later steps', () => {
    const d = driver();
    d.load();
    d.intervene(300, { action: 'compact' });
    d.intervene(300, { action: 'failReconciles', count: 2 });
    d.seek(320);
    const f = d.intervene(100, { action: 'closeWatch', kind: 'Foo' });
    expect(f.marks.filter((m) => m.kind === 'intervention').map((m) => m.step)).toEqual([100]);
    const y = d.ask({ type: 'export-scenario' });
    if (y.type !== 'scenario-yaml') throw new Error(y.type);
    expect(y.yaml).toContain('closeWatch');
    expect(y.yaml).not.toContain('action: compact');
    expect(y.yaml).not.toContain('failReconciles');
    // Two interventions at the same step both stay.
    d.intervene(100, { action: 'compact' });
    expect(d.seek(100).marks.filter((m) => m.kind === 'intervention')).toHaveLength(2);
  });

  it('an invalid intervention is refused with the validator lines and changes nothing', () => {
    const d = driver();
    d.load();
    d.seek(200);
    const r = expectError(
      d.ask({
        type: 'intervene',
        step: 100,
        action: { action: 'delete', target: { kind: 'Foo', namespace: 'default', name: 'Not_A_Name' } },
      }),
      false,
    );
    expect(r.details.join('\n')).toMatch(/name/);
    const s = d.seek(200);
    expect([s.known, s.marks.some((m) => m.kind === 'intervention')]).toEqual([200, false]);
  });

  it('opens a session in one request: a scenario value, its interventions, its step', () => {
    const d = driver();
    const scenario = faultyScenario();
    const interventions = [
      { step: 60, action: { action: 'compact' } as InterventionAction },
      { step: 60, action: { action: 'failReconciles', count: 1 } as InterventionAction },
      { step: 140, action: { action: 'closeWatch', kind: 'Foo' } as InterventionAction },
    ];
    const opened = d.ask({
      type: 'open',
      session: { source: { kind: 'scenario', scenario }, seed: 3, interventions, step: 250 },
    });
    if (opened.type !== 'opened') throw new Error(opened.type);
    expect([opened.frame.step, opened.known, opened.scenario.seed]).toEqual([250, 250, 3]);
    expect(opened.interventions).toEqual(interventions);
    // The same by hand: open at 0, intervene at each step, seek.
    const byHand = driver();
    byHand.ask({
      type: 'open',
      session: { source: { kind: 'scenario', scenario }, seed: 3, interventions: [], step: 0 },
    });
    for (const iv of interventions) byHand.intervene(iv.step, iv.action);
    expect(byHand.seek(250).frame.digest).toBe(opened.frame.digest);
  });

  it('refuses a session it cannot show, and keeps the run on screen', () => {
    const d = driver();
    d.load();
    const before = d.seek(90).frame.digest;
    const scenario = defaultScenario();
    const refused = [
      // A scenario value that is not in normalized form (a string where a number belongs).
      { source: { kind: 'scenario', scenario: { ...scenario, seed: '7' } }, interventions: [], step: 0 },
      // An intervention that a scenario file could not contain.
      {
        source: { kind: 'library', name: 'default' },
        interventions: [
          { step: 5, action: { action: 'delete', target: { kind: 'Foo', namespace: 'x', name: 'B@d' } } },
        ],
        step: 10,
      },
      // Steps that go backwards, and a negative step.
      {
        source: { kind: 'library', name: 'default' },
        interventions: [
          { step: 50, action: { action: 'compact' } },
          { step: 20, action: { action: 'compact' } },
        ],
        step: 60,
      },
      { source: { kind: 'library', name: 'default' }, interventions: [], step: -1 },
    ];
    for (const session of refused) {
      const r = expectError(d.ask({ type: 'open', session } as unknown as RequestBody), false);
      expect(r.message.length).toBeGreaterThan(0);
    }
    const still = d.seek(90);
    expect(still.frame.digest).toBe(before);
  });

  it('records windows are capped at 5,000 records; history lists every record touching a key', () => {
    const d = driver();
    d.load();
    d.seek(4000);
    const w = d.records(1, 4000);
    expect(w.truncated).toBe(true);
    expect(w.records.length).toBeLessThanOrEqual(HOST_LIMITS.records);
    expect(w.records.at(-1)!.step).toBe(w.to);
    const next = d.records(w.to + 1, w.to + 5);
    expect(next.records[0]!.step).toBe(w.to + 1);
    // Clamped to the computed range; the cursor did not move.
    expect(d.records(3990, 9999).to).toBe(4000);
    expect(d.advance(1).frame.step).toBe(4001);

    const history = (key: string, upTo: number) => {
      const h = d.ask({ type: 'history', key, upTo });
      if (h.type !== 'history') throw new Error(h.type);
      return h;
    };
    const touching = (key: string, from: number, to: number): RecordView[] => {
      const out: RecordView[] = [];
      for (let f = from; f <= to; ) {
        const w = d.records(f, to);
        out.push(...w.records.filter((r) => r.key === key || r.object?.key === key));
        f = w.to + 1;
      }
      return out;
    };
    const h = history('default/backend', 900);
    expect([h.fromStep, h.upTo, h.truncated]).toEqual([1, 900, false]);
    expect(h.records.length).toBeGreaterThan(0);
    expect(h.records).toEqual(touching('default/backend', 1, 900));

    // A hot key over a long run: the newest 2,000 records, complete from fromStep on.
    d.seek(12_000);
    const hot = history('default/frontend', 12_000);
    expect(hot.truncated).toBe(true);
    expect(hot.records.length).toBeLessThanOrEqual(HOST_LIMITS.historyRecords);
    expect(hot.records).toEqual(touching('default/frontend', hot.fromStep, 12_000));

    // After a fork, the history follows the new future.
    d.intervene(300, { action: 'delete', target: { kind: 'Foo', namespace: 'default', name: 'backend' } });
    d.seek(1500);
    expect(history('default/backend', 1500).records).toEqual(touching('default/backend', 1, 1500));
  });

  it('the warm-up after a load changes nothing a request can see, and runs again after the next load', () => {
    const warmed = createEngineHost({ keyframeInterval: 50 });
    const cold = createEngineHost({ keyframeInterval: 50 });
    expect(warmed.warmUp(5)).toBe(false); // nothing loaded yet
    let id = 0;
    const both = (req: RequestBody): [Response, Response] => {
      const r = { ...req, id: ++id } as Parameters<EngineHost['handle']>[0];
      return [warmed.handle(r), cold.handle(r)];
    };
    const open: RequestBody = {
      type: 'open',
      session: { source: { kind: 'text', text: FAULTY_YAML }, interventions: [], step: 120 },
    };
    const [a, b] = both(open);
    expect(a).toEqual(b);
    let units = 0;
    while (warmed.warmUp(0)) units++;
    expect(units).toBeGreaterThan(5); // one unit per call at a 0 ms slice
    expect(warmed.warmUp(0)).toBe(false);
    const requests: RequestBody[] = [
      { type: 'seek', step: 37 },
      { type: 'advance', steps: 400, summary: true },
      { type: 'seek', step: 260 },
      { type: 'records', from: 1, to: 300 },
      { type: 'history', key: 'default/frontend', upTo: 500 },
      { type: 'trace', from: 500, to: 900 },
      { type: 'intervene', step: 200, action: { action: 'compact' } },
      { type: 'seek', step: 700 },
    ];
    for (const req of requests) {
      const [x, y] = both(req);
      expect(x, req.type).toEqual(y);
    }
    both(open);
    expect(warmed.warmUp(0)).toBe(true);
  });

  it('an exception from the engine is fatal; the host refuses work until the next open', () => {
    const d = driver();
    d.load();
    d.seek(120);
    // Seeking back restores a keyframe, which copies the world's Maps (timeline/keyframes.ts): make
    // that throw inside the engine.
    const real = Map.prototype.forEach;
    Map.prototype.forEach = () => {
      throw new Error('boom');
    };
    let r: Response;
    try {
      r = d.ask({ type: 'seek', step: 3 });
    } finally {
      Map.prototype.forEach = real;
    }
    expect(expectError(r, true).message).toMatch(/boom/);
    expectError(d.ask({ type: 'seek', step: 3 }), true);
    d.load();
    expect(d.seek(3).frame.step).toBe(3);
  });

  it('a hostile intervention value is refused as a value, not an engine failure', () => {
    const d = driver();
    d.load();
    const evil = {
      get action(): string {
        throw new Error('boom');
      },
    } as unknown as InterventionAction;
    const r = expectError(d.ask({ type: 'intervene', step: 3, action: evil }), false);
    expect(r.details.join(' ')).toMatch(/boom/);
    expect(d.seek(3).frame.step).toBe(3);
  });
});
