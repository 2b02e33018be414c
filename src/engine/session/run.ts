/**
 * A running session on the engine's side: the timeline (keyframes, intervention log, frontier) of one
 * scenario, plus what the page asks about it as steps are first computed (marks, and which buckets of
 * KEY_BUCKET steps touched each key, for the key history). The Worker's host (src/worker/engine-host.ts) keeps
 * one; this module and its siblings (moves.ts, windows.ts) are pure and run in Node tests as well.
 *
 * `openRun` + `replaySession` are the one way a session (model/session.ts) becomes a run: the page's
 * first load, a shared link and a restart after a crash all go through them.
 */

import { deletionHandlingKey } from '../model/objects';
import type { Scenario } from '../model/scenario';
import type { Intervention, InterventionAction, Mark, ScenarioInfo } from '../model/session';
import type { TraceRecord } from '../model/trace';
import type { World } from '../sim/world';
import { createTimeline, intervene, type Timeline } from '../timeline/timeline';
import { isErrorRecord, isRelistRecord } from './records';

export const RUN_LIMITS = {
  /** Marks collected per run (interventions are always marked). */
  marks: 10_000,
} as const;

/** The key history's unit: a key's records are looked for in the buckets of this many steps it touched. */
export const KEY_BUCKET = 1000;

/** A request the run cannot serve (a bad argument, an intervention beyond reach): not an engine fault. */
export class SessionError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface Run {
  readonly scenario: Scenario;
  readonly info: ScenarioInfo;
  readonly tl: Timeline;
  readonly frameLimit: number;
  readonly marks: Mark[];
  /** A frozen copy of `marks` handed out in answers; null after a change. */
  marksView: readonly Mark[] | null;
  /** A frozen copy of the interventions in force handed out in answers; null after a change. */
  interventionsView: readonly Intervention[] | null;
  /**
   * Key → the buckets (ascending) with a record touching it; bucket i holds the steps
   * i × KEY_BUCKET + 1 … (i + 1) × KEY_BUCKET. The key history replays only those.
   */
  readonly keyIntervals: Map<string, number[]>;
  /**
   * The private world a `trace` window ahead of the computed range stopped at, so the next window
   * (a compare search reads window after window ahead of the cursor) goes on from it instead of
   * replaying from the computed frontier again. Dropped by an intervention (the future changes).
   */
  ahead: World | null;
}

export interface RunOptions {
  /** Steps between keyframes (fixed); without it the timeline spaces them by the world's size. */
  readonly keyframeInterval?: number;
  /** Rows per long list in every frame. */
  readonly frameLimit: number;
}

/** A run of `scenario` at step 0 (the seed is the scenario's: apply a seed override before). */
export function openRun(scenario: Scenario, opts: RunOptions): Run {
  const tl = createTimeline(
    scenario,
    opts.keyframeInterval === undefined ? {} : { keyframeInterval: opts.keyframeInterval },
  );
  const run: Run = {
    scenario,
    info: {
      name: scenario.name,
      title: scenario.title,
      description: scenario.description,
      seed: scenario.seed,
      era: scenario.settings.era,
    },
    tl,
    frameLimit: opts.frameLimit,
    marks: [],
    marksView: null,
    ahead: null,
    interventionsView: null,
    keyIntervals: new Map(),
  };
  tl.onNewStep = (w, recs) => learn(run, w, recs);
  return run;
}

export function marksOf(r: Run): readonly Mark[] {
  if (r.marksView === null) r.marksView = Object.freeze(r.marks.slice());
  return r.marksView;
}

export function interventionsOf(r: Run): readonly Intervention[] {
  if (r.interventionsView === null)
    r.interventionsView = Object.freeze(r.tl.interventions.map(({ step, action }) => ({ step, action })));
  return r.interventionsView;
}

/** Collects the marks and key buckets of a step computed for the first time. */
function learn(r: Run, w: World, recs: readonly TraceRecord[]): void {
  const s = w.step;
  const iv = Math.floor((s - 1) / KEY_BUCKET);
  let seen = 0;
  for (const x of recs) {
    if (x.key !== null) noteKey(r, x.key, iv);
    if (x.object !== null) {
      const k = deletionHandlingKey(x.object);
      if (k !== x.key) noteKey(r, k, iv);
    }
    let kind: Mark['kind'] | null = null;
    let bit = 0;
    if (x.message.startsWith('fault.')) {
      kind = 'fault';
      bit = 1;
    } else if (isRelistRecord(x)) {
      kind = 'relist';
      bit = 2;
    } else if (isErrorRecord(x)) {
      kind = 'error';
      bit = 4;
    }
    if (kind === null || (seen & bit) !== 0 || r.marks.length >= RUN_LIMITS.marks) continue;
    seen |= bit;
    r.marks.push({
      step: s,
      time: w.now,
      kind,
      record: { message: x.message, key: x.key, rv: x.resourceVersion, params: x.params },
    });
    r.marksView = null;
  }
}

function noteKey(r: Run, key: string, iv: number): void {
  const list = r.keyIntervals.get(key);
  if (list === undefined) r.keyIntervals.set(key, [iv]);
  else if (list[list.length - 1] !== iv) list.push(iv);
}

/**
 * The learner's intervention at step n (the cursor must be there: see moves.ts `goTo`). The timeline
 * forks and drops later interventions; the marks and key buckets after n go with the future.
 */
export function interveneAt(r: Run, n: number, action: InterventionAction): World {
  const w = intervene(r.tl, n, action);
  r.ahead = null;
  const at = w.step;
  // Buckets after n's are recomputed on demand (n's own may keep a stale entry: a harmless extra replay).
  const lastIv = at === 0 ? -1 : Math.floor((at - 1) / KEY_BUCKET);
  for (const list of r.keyIntervals.values())
    while (list.length > 0 && list[list.length - 1]! > lastIv) list.pop();
  let keep = r.marks.length;
  while (keep > 0 && r.marks[keep - 1]!.step > at) keep--;
  r.marks.length = keep;
  r.marks.push({ step: at, time: w.now, kind: 'intervention', action });
  r.marksView = null;
  r.interventionsView = null;
  return w;
}
