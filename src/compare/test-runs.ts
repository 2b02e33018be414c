/**
 * Real runs for the comparer's tests: a built-in scenario or lesson (optionally another seed or other
 * settings), run in Node through the same session code the Worker uses (engine/session), with
 * interventions made at their steps, and its trace fed to a comparer in windows.
 */
import type { Scenario, Settings } from '../engine/model/scenario';
import type { Intervention } from '../engine/model/session';
import type { TraceRecord } from '../engine/model/trace';
import { goTo } from '../engine/session/moves';
import { interveneAt, openRun } from '../engine/session/run';
import { traceWindow } from '../engine/session/windows';
import { LESSONS, lessonById } from '../scenarios/lessons';
import { libraryScenario } from '../scenarios/library';
import { parseScenario } from '../scenarios/parse';
import type { Comparer, Side } from './types';

export type Source = { readonly library: string } | { readonly lesson: string };

/** Every built-in scenario but the 1,000-Foo one (too slow for a property) and every lesson. */
export const SOURCES: readonly Source[] = [{ library: 'default' }, ...LESSONS.map((l) => ({ lesson: l.id }))];

export function scenarioOf(src: Source, changes: Partial<Settings> = {}, seed?: number): Scenario {
  let s: Scenario;
  if ('library' in src) {
    const r = parseScenario(libraryScenario(src.library)!.yaml);
    if (!r.ok) throw new Error(`library ${src.library} does not parse`);
    s = r.scenario;
  } else {
    s = lessonById(src.lesson)!.scenario;
  }
  return { ...s, seed: seed ?? s.seed, settings: { ...s.settings, ...changes } };
}

export interface Trace {
  readonly records: readonly TraceRecord[];
  /** The last step (the trace is cut there: it is fed as ended). */
  readonly to: number;
}

/** The records of steps 1..steps of a scenario with interventions made at their steps. */
export function traceOf(
  scenario: Scenario,
  steps: number,
  interventions: readonly Intervention[] = [],
): Trace {
  const run = openRun(scenario, { frameLimit: 50 });
  for (const iv of interventions) {
    goTo(run, iv.step, 1_000_000);
    interveneAt(run, run.tl.cursor.step, iv.action);
  }
  const records: TraceRecord[] = [];
  let to = 0;
  while (to < steps) {
    const w = traceWindow(run, to + 1, steps, steps);
    if (w.to <= to) break;
    for (const r of w.records) records.push(r);
    to = w.to;
  }
  return { records, to };
}

/**
 * Feeds one side's trace in windows of the given step counts (cycled), the last one marked ended.
 * Returns the windows as [from, to] pairs, for interleaving (see feedBoth).
 */
export function windowsOf(t: Trace, sizes: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let from = 1;
  let i = 0;
  while (from <= t.to) {
    const to = Math.min(t.to, from + Math.max(1, sizes[i % sizes.length]!) - 1);
    out.push([from, to]);
    from = to + 1;
    i++;
  }
  if (out.length === 0) out.push([1, 0]);
  return out;
}

function feedWindow(c: Comparer, side: Side, t: Trace, [from, to]: [number, number], ended: boolean): void {
  c.feed(
    side,
    t.records.filter((r) => r.step >= from && r.step <= to),
    from,
    to,
    ended,
  );
}

/**
 * Feeds both traces, window by window, in the order `order` gives (true: the left side's next window),
 * then whatever is left; each side's last window is marked ended.
 */
export function feedBoth(
  c: Comparer,
  left: Trace,
  right: Trace,
  sizes: { left: readonly number[]; right: readonly number[] } = { left: [1_000_000], right: [1_000_000] },
  order: readonly boolean[] = [],
): void {
  const lw = windowsOf(left, sizes.left);
  const rw = windowsOf(right, sizes.right);
  let li = 0;
  let ri = 0;
  let k = 0;
  while (li < lw.length || ri < rw.length) {
    const takeLeft = ri >= rw.length || (li < lw.length && (order[k++] ?? true));
    if (takeLeft) {
      feedWindow(c, 'left', left, lw[li]!, li === lw.length - 1);
      li++;
    } else {
      feedWindow(c, 'right', right, rw[ri]!, ri === rw.length - 1);
      ri++;
    }
  }
}
