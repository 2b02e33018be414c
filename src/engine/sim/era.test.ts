/**
 * The two eras side by side (settings.era): the default scenario run as client-go 1.26 and as v0.36.3
 * shows the differences the spec names (§0.1 era C, R18–R21, F1–F7, I7, SI7), and the controller
 * converges in both. Both eras are deterministic, and the default and heavy scenarios run in both.
 */
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../../scenarios/library';
import { parseScenario } from '../../scenarios/parse';
import { ERAS, type Era, type Scenario } from '../model/scenario';
import type { TraceRecord } from '../model/trace';
import { controllerLimiter, createWorld } from './create-world';
import { buildFrame } from './frame';
import { cacheDiff, isQuiet } from './invariants';
import { stepWorld } from './step';
import { inEra } from './test-scenarios';
import type { SimContext, World } from './world';

function load(name: string, era: Era): Scenario {
  const r = parseScenario(libraryScenario(name)!.yaml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return inEra(r.scenario, era);
}

interface Run {
  readonly w: World;
  readonly recs: TraceRecord[];
  /** The indexer RV a modern lane's frame showed right after each `indexer.bookmark` step. */
  readonly bookmarkFrames: { readonly rv: string; readonly shown: string | undefined }[];
}

/** Runs `s` until virtual time `untilMs`, then on until quiet (bounded). */
function run(s: Scenario, untilMs: number, maxSteps = 200_000): Run {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  const recs: TraceRecord[] = [];
  const bookmarkFrames: { rv: string; shown: string | undefined }[] = [];
  const step = (): boolean => {
    const r = stepWorld(w, ctx);
    if (r === null) return false;
    for (const x of r) recs.push(x);
    for (const x of r)
      if (x.message === 'indexer.bookmark' && x.lane !== null)
        bookmarkFrames.push({
          rv: String(x.params.rv),
          shown: buildFrame(w, r).lanes[x.lane].modern?.indexerRv,
        });
    return true;
  };
  while (w.now < untilMs && w.step < maxSteps) if (!step()) break;
  while (!isQuiet(w) && w.step < maxSteps) if (!step()) break;
  return { w, recs, bookmarkFrames };
}

const of = (recs: TraceRecord[], message: string, lane?: string) =>
  recs.filter((r) => r.message === message && (lane === undefined || r.lane === lane));

describe('the default scenario in both eras', () => {
  // Long enough for the server's 1-minute bookmarks (S23) to reach both watches.
  const classic = run(load('default', 'classic'), 150_000);
  const modern = run(load('default', 'modern'), 150_000);

  it('classic relists with LIST then WATCH; modern sends one watch-list request per lane instead (R18, R19)', () => {
    for (const lane of ['Foo', 'Deployment']) {
      const first = classic.recs.find((r) => r.lane === lane && r.component === 'reflector')!;
      expect(first.message).toBe('reflector.list');
      expect(of(classic.recs, 'reflector.watch-list', lane)).toEqual([]);
      const m = modern.recs.find((r) => r.lane === lane && r.component === 'reflector')!;
      expect(m.message).toBe('reflector.watch-list');
      // No fallback: the 1.36 server serves the watch-list (S24), so no LIST at all in this run.
      expect(of(modern.recs, 'reflector.list', lane)).toEqual([]);
      expect(of(modern.recs, 'reflector.initial-events-end', lane)).toHaveLength(1);
    }
  });

  it('classic queues a Replaced delta per listed object; modern one ReplacedAll with all of them (F1, D7)', () => {
    const fooCount = load('default', 'classic').objects.filter((o) => o.kind === 'Foo').length;
    expect(fooCount).toBeGreaterThan(1);
    const classicReplaced = of(classic.recs, 'informer.pop', 'Foo').filter((r) =>
      String(r.params.deltas).includes('Replaced'),
    );
    expect(classicReplaced).toHaveLength(fooCount);
    const modernPops = of(modern.recs, 'informer.pop-batch', 'Foo');
    expect(modernPops.filter((r) => String(r.params.deltas).includes('Replaced'))).toEqual([
      expect.objectContaining({
        params: expect.objectContaining({ deltas: `ReplacedAll(${fooCount})`, count: 1 }),
      }),
    ]);
    expect(of(modern.recs, 'informer.replaced-all', 'Foo')[0]!.params.items).toBe(fooCount);
    expect(of(classic.recs, 'informer.pop-batch')).toEqual([]);
  });

  it('modern pops batches of several deltas with distinct keys, applied in one Transaction (F7, SI7)', () => {
    const batches = of(modern.recs, 'informer.pop-batch').filter((r) => r.params.batch === true);
    expect(batches.length).toBeGreaterThan(0);
    for (const b of batches) {
      expect(Number(b.params.count)).toBeGreaterThan(1);
      const sameStep = modern.recs.filter((r) => r.step === b.step && r.lane === b.lane);
      const ops = sameStep.filter((r) => String(r.message).startsWith('informer.store-'));
      expect(ops).toHaveLength(Number(b.params.count));
      expect(new Set(ops.map((r) => r.key)).size).toBe(ops.length);
      const tx = sameStep.filter((r) => r.message === 'indexer.transaction');
      expect(tx).toHaveLength(1);
      // Every store operation precedes every callback (processDeltasInBatch).
      const lastOp = sameStep.lastIndexOf(ops[ops.length - 1]!);
      const firstDispatch = sameStep.findIndex((r) => r.message === 'informer.dispatch');
      expect(firstDispatch).toBeGreaterThan(lastOp);
    }
  });

  it("bookmarks move the modern indexer's resourceVersion, and only it (I7)", () => {
    expect(modern.bookmarkFrames.length).toBeGreaterThan(0);
    for (const b of modern.bookmarkFrames) expect(b.shown).toBe(b.rv);
    expect(of(classic.recs, 'indexer.bookmark')).toEqual([]);
    expect(of(classic.recs, 'apiserver.bookmark').length).toBeGreaterThan(0);
  });

  it('HasSynced: workers start only after both lanes processed their initial ReplacedAll (F3, F6)', () => {
    const synced = of(modern.recs, 'controller.caches-synced')[0]!;
    for (const lane of ['Foo', 'Deployment']) {
      const initial = of(modern.recs, 'informer.replaced-all', lane)[0]!;
      expect(synced.step).toBeGreaterThan(initial.step);
    }
    // The initial list's adds are flagged isInInitialList in both eras.
    const firstAdds = of(modern.recs, 'informer.dispatch', 'Foo').filter(
      (r) => r.params.callback === 'OnAdd',
    );
    expect(firstAdds[0]!.params.isInInitialList).toBe(true);
  });

  it.each(ERAS)(
    'the controller converges (%s era): caches equal the server, queue empty, every Foo has its Deployment',
    (era) => {
      const { w } = era === 'classic' ? classic : modern;
      expect(isQuiet(w)).toBe(true);
      expect(cacheDiff(w)).toEqual([]);
      for (const foo of w.lanes.Foo.indexer.items.values()) {
        const name = 'deploymentName' in foo.spec ? foo.spec.deploymentName : foo.metadata.name;
        const key = `${foo.metadata.namespace}/${name}`;
        expect(w.lanes.Deployment.indexer.items.has(key), key).toBe(true);
      }
    },
  );

  it('modern frames carry the RealFIFO view; classic frames have none', () => {
    const wm = createWorld(load('default', 'modern'));
    const wc = createWorld(load('default', 'classic'));
    expect(buildFrame(wm, []).lanes.Foo.modern).toEqual({
      entries: [],
      processing: null,
      locked: false,
      held: 0,
      indexerRv: '',
      streamed: null,
    });
    expect('modern' in buildFrame(wc, []).lanes.Foo).toBe(false);
  });
});

describe("the controller's workqueue limiter (W14, §10)", () => {
  it("modern's default is sample-controller 1.36's own: ItemExponential(5 ms, 1000 s) max Bucket(50 qps, 300)", () => {
    const s = load('default', 'modern').settings;
    expect(controllerLimiter(s)).toEqual({
      type: 'maxOf',
      limiters: [
        { type: 'exponential', baseMs: 5, maxMs: 1_000_000 },
        { type: 'bucket', qps: 50, burst: 300 },
      ],
    });
    // Classic keeps DefaultControllerRateLimiter (bucket 10 qps / 100); an explicit limiter wins in both.
    expect(controllerLimiter(load('default', 'classic').settings)).toEqual({ type: 'default' });
    const mine = { type: 'bucket', qps: 1, burst: 2 } as const;
    expect(controllerLimiter({ ...s, rateLimiter: mine })).toEqual(mine);
  });
});

describe('both eras are deterministic and run the library scenarios', () => {
  it.each(ERAS)('default and heavy: the same seed gives the same trace (%s era)', (era) => {
    for (const name of ['default', 'heavy']) {
      const steps = name === 'heavy' ? 3000 : 1500;
      const trace = () => {
        const s = load(name, era);
        const w = createWorld(s);
        const ctx: SimContext = { scenario: s, script: [...s.script] };
        const out: TraceRecord[] = [];
        while (w.step < steps) {
          const r = stepWorld(w, ctx);
          if (r === null) break;
          out.push(...r);
        }
        return { json: JSON.stringify(out), step: w.step };
      };
      const a = trace();
      expect(a.step, `${name} ran ${a.step} steps`).toBe(steps);
      expect(trace().json).toBe(a.json);
    }
  });
});
