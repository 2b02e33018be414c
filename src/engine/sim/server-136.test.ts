/**
 * The 1.36 kube-apiserver the modern era talks to, seen through whole simulations (spec §1, §1A, the
 * [1.36] rows). Each case runs a library or small scenario to quiet and reads its trace: what the server
 * answered, and what the modern reflector did with it.
 */
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../../scenarios/library';
import { parseScenario } from '../../scenarios/parse';
import type { Era, Scenario } from '../model/scenario';
import type { TraceRecord } from '../model/trace';
import { createWorld } from './create-world';
import { cacheDiff, isQuiet } from './invariants';
import { stepWorld } from './step';
import { inEra } from './test-scenarios';
import type { SimContext, World } from './world';

function load(name: string, era: Era, settings: Partial<Scenario['settings']> = {}): Scenario {
  const r = parseScenario(libraryScenario(name)!.yaml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const s = inEra(r.scenario, era);
  return { ...s, settings: { ...s.settings, ...settings } };
}

/** Runs `s` until virtual time `untilMs`, then on until quiet (bounded). */
function run(s: Scenario, untilMs: number, maxSteps = 100_000): { w: World; recs: TraceRecord[] } {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  const recs: TraceRecord[] = [];
  const step = (): boolean => {
    const r = stepWorld(w, ctx);
    if (r === null) return false;
    for (const x of r) recs.push(x);
    return true;
  };
  while (w.now < untilMs && w.step < maxSteps) if (!step()) break;
  while (!isQuiet(w) && w.step < maxSteps) if (!step()) break;
  return { w, recs };
}

const of = (recs: TraceRecord[], message: string, lane?: string) =>
  recs.filter((r) => r.message === message && (lane === undefined || r.lane === lane));

describe('S24: the 1.36 server WatchList gate (settings.serverWatchList)', () => {
  const off = run(load('default', 'modern', { serverWatchList: false }), 20_000);

  it('off: the watch-list request gets 422 Invalid and the modern reflector falls back to LIST then WATCH (R21)', () => {
    for (const lane of ['Foo', 'Deployment']) {
      const refused = of(off.recs, 'apiserver.watch', lane)[0]!;
      expect(refused.params).toMatchObject({ outcome: 'error', code: 422, reason: 'Invalid' });
      const failed = of(off.recs, 'reflector.watch-list-failed', lane);
      expect(failed).toHaveLength(1);
      expect(failed[0]!.params).toMatchObject({ code: 422, reason: 'Invalid' });
      // The fallback comes after the refusal: a LIST, then a plain watch that the server opens.
      const i = off.recs.indexOf(failed[0]!);
      const after = off.recs.slice(i);
      const list = after.findIndex((r) => r.lane === lane && r.message === 'reflector.list');
      const watch = after.findIndex((r) => r.lane === lane && r.message === 'reflector.watch');
      expect(list).toBeGreaterThan(0);
      expect(watch).toBeGreaterThan(list);
      expect(of(off.recs, 'reflector.initial-events-end', lane)).toEqual([]);
    }
  });

  it('off: the controller still converges', () => {
    expect(isQuiet(off.w)).toBe(true);
    expect(cacheDiff(off.w)).toEqual([]);
  });

  it('is meaningless in the classic era: the 1.26 server has no gate and the trace is the same', () => {
    const a = run(load('default', 'classic', { serverWatchList: true }), 5_000).recs;
    const b = run(load('default', 'classic', { serverWatchList: false }), 5_000).recs;
    expect(b).toEqual(a);
  });
});
