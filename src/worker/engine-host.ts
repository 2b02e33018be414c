/**
 * EngineHost: the engine's side of the Worker protocol (protocol.ts). It owns one Timeline (keyframes +
 * replay, engine/timeline/timeline.ts) for the loaded scenario and answers every Request with exactly
 * one Response. Pure TypeScript: it runs inside the Worker (engine.worker.ts), in the in-process bridge
 * client (tests, CLI) and in Node tests.
 *
 * - `handle` never throws. A bad request or a bad scenario answers `{type: 'error', fatal: false}` and
 *   changes nothing; an exception from the engine answers `fatal: true` and the host refuses further
 *   work (except `load`) until the page restarts it.
 * - The cursor is the timeline's cursor. `known` is the highest step computed so far; steps beyond it
 *   are computed one at a time (each step's records pass through here once, which is how marks are
 *   collected). Seeking inside the computed range goes through the timeline's keyframes.
 * - `records` and `history` replay on a private clone of a keyframe, so the cursor does not move.
 * - Interventions fork the timeline at the step on screen. Like RaftScope's fork, the future is
 *   dropped: marks after the step, and also interventions that were made at later steps (they belonged
 *   to the discarded future; the scenario's own script stays).
 * - Limits keep one request bounded: see HOST_LIMITS.
 */

import { DEFAULT_SETTINGS } from '../engine/model/defaults';
import type { RecordView } from '../engine/model/frame';
import type { ObjectManifest, Scenario, ScriptAction, Settings } from '../engine/model/scenario';
import type {
  InterventionAction,
  Mark,
  RunUntil,
  ScenarioInfo,
  ScenarioSource,
  SkipSummary,
} from '../engine/model/session';
import type { TraceRecord } from '../engine/model/trace';
import { deletionHandlingKey } from '../engine/objects';
import { buildFrame, recordView } from '../engine/sim/frame';
import { isQuiet } from '../engine/sim/invariants';
import { stepWorld } from '../engine/sim/step';
import type { World } from '../engine/sim/world';
import { createTimeline, fork, seek, type Timeline } from '../engine/timeline/timeline';
import { libraryScenario, SCENARIO_LIBRARY } from '../scenarios/library';
import { formatScenarioError, parseScenario, scenarioToYaml } from '../scenarios/parse';
import type { Request, Response } from './protocol';

export const HOST_LIMITS = {
  /** Records per `records` answer. */
  records: 5_000,
  /** Records per `trace` answer. */
  traceRecords: 20_000,
  /** Records per `history` answer (the newest are kept). */
  historyRecords: 2_000,
  /** Keyframe intervals (with records of the key) a `history` request replays, newest first. */
  historyIntervals: 100,
  /** Marks collected per run (interventions are always marked). */
  marks: 10_000,
  /** New steps one request may compute (seek, seek-time, advance, run-until). */
  computePerRequest: 200_000,
  /** Largest frameLimit a load may ask for. */
  frameLimit: 100_000,
} as const;

export interface EngineHostOptions {
  /** Steps between keyframes (default 1000). */
  readonly keyframeInterval?: number;
  /** Overrides HOST_LIMITS.computePerRequest (tests). */
  readonly computePerRequest?: number;
  /**
   * The scenario of a lesson by id, for `load` with `{kind: 'lesson'}` (the Worker passes the built-in
   * lessons of src/scenarios/lessons; without it, lessons are refused as unknown).
   */
  readonly lessons?: (id: string) => Scenario | undefined;
}

export interface EngineHost {
  /** Answers one request. Never throws. */
  handle(req: Request): Response;
}

/** The state of one loaded scenario. */
interface Run {
  readonly scenario: Scenario;
  readonly info: ScenarioInfo;
  readonly tl: Timeline;
  readonly frameLimit: number;
  known: number;
  /** Virtual time of step `known`. */
  knownTime: number;
  readonly marks: Mark[];
  /** A frozen copy of `marks` handed out in answers; null after a change. */
  marksView: readonly Mark[] | null;
  /** InterventionAction script actions → the step they were made at. */
  readonly interventions: Map<ScriptAction, number>;
  /**
   * Key → the keyframe intervals (ascending) with a record touching it; interval i holds the steps
   * i × interval + 1 … (i + 1) × interval. `history` replays only those.
   */
  readonly keyIntervals: Map<string, number[]>;
}

type LessonSource = Extract<ScenarioSource, { kind: 'lesson' }>;

/** A request the host cannot serve: answered as a non-fatal error. */
class BadRequest extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export function createEngineHost(opts: EngineHostOptions = {}): EngineHost {
  const interval = opts.keyframeInterval;
  const compute = Math.max(1, opts.computePerRequest ?? HOST_LIMITS.computePerRequest);
  let run: Run | null = null;
  /** Set after an engine exception: the run's state can no longer be trusted. */
  let broken: string | null = null;

  function serve(req: Request): Response {
    if (req.type === 'load') {
      const next = load(req.source, req.seed, req.frameLimit, interval, opts.lessons);
      run = next;
      broken = null;
      return {
        id: req.id,
        type: 'loaded',
        scenario: next.info,
        frame: currentFrame(next),
        known: next.known,
        ended: isEnded(next),
        marks: marksOf(next),
      };
    }
    if (broken !== null)
      return {
        id: req.id,
        type: 'error',
        message: 'The engine stopped after an internal error; restart it.',
        details: [broken],
        fatal: true,
      };
    const r = run;
    if (r === null) throw new BadRequest('No scenario is loaded.');
    switch (req.type) {
      case 'seek':
        goTo(r, int(req.step, 'step'), compute);
        return frameAnswer(req.id, r, null);
      case 'seek-time':
        seekTime(r, num(req.time, 'time'), compute);
        return frameAnswer(req.id, r, null);
      case 'advance': {
        const steps = Math.min(Math.max(0, int(req.steps, 'steps')), compute);
        const skipped = forward(r, steps, req.summary === true, null);
        return frameAnswer(req.id, r, skipped.summary);
      }
      case 'run-until': {
        const test = untilTest(req.until);
        const max = Math.min(Math.max(1, int(req.maxSteps, 'maxSteps')), compute);
        const res = forward(r, max, true, test);
        return frameAnswer(req.id, r, res.summary, res.reached);
      }
      case 'intervene':
        intervene(r, int(req.step, 'step'), req.action, compute);
        return frameAnswer(req.id, r, null);
      case 'records':
        return { id: req.id, type: 'records', ...recordsWindow(r, int(req.from, 'from'), int(req.to, 'to')) };
      case 'trace':
        return {
          id: req.id,
          type: 'trace',
          ...traceWindow(r, int(req.from, 'from'), int(req.to, 'to'), compute),
        };
      case 'history': {
        if (typeof req.key !== 'string') throw new BadRequest('history: key must be a string');
        return { id: req.id, type: 'history', key: req.key, ...history(r, req.key, int(req.upTo, 'upTo')) };
      }
      case 'export-scenario':
        return {
          id: req.id,
          type: 'scenario-yaml',
          yaml: scenarioToYaml({ ...r.scenario, script: [...r.tl.ctx.script] }),
        };
      default:
        throw new BadRequest(`Unknown request type ${JSON.stringify((req as { type?: unknown }).type)}.`);
    }
  }

  return {
    handle(req: Request): Response {
      const id = typeof req === 'object' && req !== null && typeof req.id === 'number' ? req.id : -1;
      if (id === -1) return { id, type: 'error', message: 'Malformed request.', details: [], fatal: false };
      try {
        return serve(req);
      } catch (e) {
        if (e instanceof BadRequest)
          return { id, type: 'error', message: e.message, details: e.details, fatal: false };
        const message = e instanceof Error ? e.message : String(e);
        const stack =
          e instanceof Error && typeof e.stack === 'string' ? e.stack.split('\n').slice(0, 12) : [];
        broken = message;
        return { id, type: 'error', message: `Engine error: ${message}`, details: stack, fatal: true };
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Arguments

function num(v: unknown, name: string): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new BadRequest(`${name} must be a number`);
  return v;
}

/** An integer argument (fractions truncate; ±Infinity clamps to the safe range). */
function int(v: unknown, name: string): number {
  const n = num(v, name);
  return Math.trunc(Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, n)));
}

// ---------------------------------------------------------------------------------------------
// Load

function scenarioText(source: Exclude<ScenarioSource, { kind: 'lesson' }>): string {
  if (source.kind === 'library') {
    const lib = libraryScenario(source.name);
    if (lib === undefined)
      throw new BadRequest(`No built-in scenario named ${JSON.stringify(source.name)}.`, [
        `built-in scenarios: ${SCENARIO_LIBRARY.map((s) => s.name).join(', ')}`,
      ]);
    return lib.yaml;
  }
  if (source.kind === 'text' && typeof source.text === 'string') return source.text;
  throw new BadRequest(
    'load: source must be {kind: "library", name}, {kind: "text", text} or {kind: "lesson", id}',
  );
}

/** The settings keys a lesson's `changes` may replace. */
const SETTINGS_KEYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_SETTINGS));

/**
 * A lesson's scenario with `changes` applied (each key replaces that setting whole). The result goes
 * through the file validator, so a change the format would refuse is refused here too.
 */
function lessonScenario(
  source: Extract<ScenarioSource, { kind: 'lesson' }>,
  lessons: EngineHostOptions['lessons'],
): Scenario {
  const base = typeof source.id === 'string' ? lessons?.(source.id) : undefined;
  if (base === undefined) throw new BadRequest(`No lesson named ${JSON.stringify(source.id)}.`);
  const changes: unknown = source.changes;
  if (changes === undefined) return base;
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes))
    throw new BadRequest('load: lesson changes must be a map of settings');
  const unknown = Object.keys(changes).filter((k) => !SETTINGS_KEYS.has(k));
  if (unknown.length > 0)
    throw new BadRequest('The lesson changes are not valid.', [
      `unknown settings: ${unknown.map((k) => JSON.stringify(k)).join(', ')}`,
    ]);
  let text: string;
  try {
    text = scenarioToYaml({ ...base, settings: { ...base.settings, ...(changes as Partial<Settings>) } });
  } catch (e) {
    throw new BadRequest('The lesson changes are not valid.', [e instanceof Error ? e.message : String(e)]);
  }
  return parseOrThrow(text);
}

function parseOrThrow(text: string): Scenario {
  let parsed: ReturnType<typeof parseScenario>;
  try {
    parsed = parseScenario(text);
  } catch (e) {
    throw new BadRequest('The scenario could not be read.', [e instanceof Error ? e.message : String(e)]);
  }
  if (!parsed.ok) throw new BadRequest('The scenario is not valid.', parsed.errors.map(formatScenarioError));
  return parsed.scenario;
}

function load(
  source: ScenarioSource,
  seed: number | undefined,
  frameLimit: number | undefined,
  keyframeInterval: number | undefined,
  lessons: EngineHostOptions['lessons'],
): Run {
  // Everything that can be refused is checked before anything changes.
  if (typeof source !== 'object' || source === null) throw new BadRequest('load: missing source');
  const text = source.kind === 'lesson' ? null : scenarioText(source);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff))
    throw new BadRequest('seed must be an integer from 0 to 4294967295');
  const limit = frameLimit === undefined ? 200 : int(frameLimit, 'frameLimit');
  if (limit < 1 || limit > HOST_LIMITS.frameLimit)
    throw new BadRequest(`frameLimit must be from 1 to ${HOST_LIMITS.frameLimit}`);
  const parsed = text === null ? lessonScenario(source as LessonSource, lessons) : parseOrThrow(text);
  const scenario = seed === undefined ? parsed : { ...parsed, seed };
  const tl = createTimeline(scenario, keyframeInterval === undefined ? {} : { keyframeInterval });
  return {
    scenario,
    info: {
      name: scenario.name,
      title: scenario.title,
      description: scenario.description,
      seed: scenario.seed,
    },
    tl,
    frameLimit: limit,
    known: 0,
    knownTime: tl.cursor.now,
    marks: [],
    marksView: null,
    interventions: new Map(),
    keyIntervals: new Map(),
  };
}

// ---------------------------------------------------------------------------------------------
// Moving the cursor

function isEnded(r: Run): boolean {
  return r.tl.end !== null && r.tl.cursor.step === r.tl.end;
}

function currentFrame(r: Run) {
  const w = r.tl.cursor;
  return buildFrame(w, r.tl.cursorRecords, { limit: r.frameLimit });
}

function marksOf(r: Run): readonly Mark[] {
  if (r.marksView === null) r.marksView = Object.freeze(r.marks.slice());
  return r.marksView;
}

function frameAnswer(id: number, r: Run, skipped: SkipSummary | null, untilReached?: boolean): Response {
  return {
    id,
    type: 'frame',
    frame: currentFrame(r),
    known: r.known,
    ended: isEnded(r),
    marks: marksOf(r),
    skipped,
    ...(untilReached === undefined ? {} : { untilReached }),
  };
}

/**
 * Moves the cursor one step forward and returns that step's records, or null at the end of the run.
 * The first time a step is computed, its marks are collected.
 */
function stepOnce(r: Run): TraceRecord[] | null {
  const tl = r.tl;
  const s = tl.cursor.step + 1;
  if (tl.end !== null && s > tl.end) return null;
  const res = seek(tl, s);
  if (res.world.step < s) {
    settleEnd(r);
    return null;
  }
  const recs = res.records;
  if (s > r.known) learn(r, s, res.world, recs);
  return recs;
}

/**
 * The run just ended: stepWorld ran the last invisible actions on the cursor world before it found
 * nothing left. Replaying to the end step gives the world as a later seek will see it.
 */
function settleEnd(r: Run): void {
  const end = r.tl.end;
  if (end === null || end === 0) return;
  seek(r.tl, end - 1);
  seek(r.tl, end);
}

/** Moves the cursor to `target` (clamped to [0, end]), computing at most `budget` new steps. */
function goTo(r: Run, target: number, budget: number): void {
  const tl = r.tl;
  let t = Math.max(0, target);
  if (tl.end !== null) t = Math.min(t, tl.end);
  if (t <= r.known) {
    seek(tl, t);
    return;
  }
  t = Math.min(t, r.known + budget);
  seek(tl, r.known);
  while (tl.cursor.step < t) if (stepOnce(r) === null) break;
}

/** First step whose virtual time is ≥ t: binary search over keyframe times, then step by step. */
function seekTime(r: Run, t: number, budget: number): void {
  const tl = r.tl;
  const kfs = tl.keyframes;
  if (t <= kfs[0]!.now) {
    goTo(r, 0, budget);
    return;
  }
  if (t <= r.knownTime) {
    // Largest keyframe (within the computed range) whose time is < t; the answer lies after it.
    let lo = 0;
    let hi = Math.min(kfs.length - 1, Math.floor(r.known / tl.interval));
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (kfs[mid]!.now < t) lo = mid;
      else hi = mid - 1;
    }
    const start = lo * tl.interval;
    // Continue from the cursor when it is already between that keyframe and the answer.
    if (!(tl.cursor.step >= start && tl.cursor.now < t)) goTo(r, start, budget);
    while (tl.cursor.now < t) if (stepOnce(r) === null) break;
    return;
  }
  goTo(r, r.known, budget);
  for (let n = 0; n < budget && tl.cursor.now < t; n++) if (stepOnce(r) === null) break;
}

type StepTest = (recs: readonly TraceRecord[], w: World) => boolean;

/** A record that reports a failure: an HTTP code ≥ 400, code 0 (connection refused), a watch ERROR. */
export function isErrorRecord(rec: TraceRecord): boolean {
  const c = rec.params.code;
  return (typeof c === 'number' && (c >= 400 || c === 0)) || rec.message === 'reflector.watch-error';
}

export function isRelistRecord(rec: TraceRecord): boolean {
  return rec.message === 'reflector.replace' && rec.params.relist === true;
}

function untilTest(u: RunUntil): StepTest {
  switch (u?.kind) {
    case 'next-api-event':
      return (recs) => recs.some((x) => x.component === 'apiserver' || x.arrow === 'watch-event');
    case 'relist':
      return (recs) => recs.some(isRelistRecord);
    case 'reconciled': {
      const key = u.key;
      if (key !== null && typeof key !== 'string') throw new BadRequest('run-until reconciled: bad key');
      return (recs) =>
        recs.some(
          (x) =>
            (x.message === 'worker.forget' ||
              x.message === 'worker.forget-skipped' ||
              x.message === 'worker.add-rate-limited') &&
            (key === null || x.key === key),
        );
    }
    case 'quiet':
      return (_, w) => isQuiet(w);
    case 'error':
      return (recs) => recs.some(isErrorRecord);
    default:
      throw new BadRequest('run-until: unknown target');
  }
}

/**
 * Steps forward up to `max` times (stopping early at the end, or after the first step that passes
 * `test`), counting the records of the steps in between when `summarize`.
 */
function forward(
  r: Run,
  max: number,
  summarize: boolean,
  test: StepTest | null,
): { summary: SkipSummary | null; reached: boolean } {
  const fromStep = r.tl.cursor.step;
  const byArrow: Record<string, number> = {};
  let total = 0;
  let prev: TraceRecord[] | null = null;
  let reached = false;
  for (let i = 0; i < max; i++) {
    const recs = stepOnce(r);
    if (recs === null) break;
    if (summarize && prev !== null) {
      total += prev.length;
      for (const x of prev) {
        const k = String(x.arrow);
        byArrow[k] = (byArrow[k] ?? 0) + 1;
      }
    }
    prev = recs;
    if (test?.(recs, r.tl.cursor)) {
      reached = true;
      break;
    }
  }
  const summary = summarize ? { fromStep, toStep: r.tl.cursor.step, records: total, byArrow } : null;
  return { summary, reached };
}

// ---------------------------------------------------------------------------------------------
// Marks

function learn(r: Run, s: number, w: World, recs: TraceRecord[]): void {
  r.known = s;
  r.knownTime = w.now;
  const iv = Math.floor((s - 1) / r.tl.interval);
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
    if (kind === null || (seen & bit) !== 0 || r.marks.length >= HOST_LIMITS.marks) continue;
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

// ---------------------------------------------------------------------------------------------
// Interventions

/**
 * Checks an intervention the way a scenario file's script entry is checked (the validator of
 * scenarios/parse.ts, through a one-action scenario) and returns it normalized, so an exported scenario
 * reads back exactly as it runs.
 */
function normalizeIntervention(r: Run, action: InterventionAction): Omit<ScriptAction, 'at'> {
  if (typeof action !== 'object' || action === null || typeof action.action !== 'string')
    throw new BadRequest('intervene: the action is missing');
  const objects: ObjectManifest[] = [];
  const a = action as Partial<Extract<ScriptAction, { action: 'create' }>>;
  if (a.action === 'create' && a.object?.kind === 'Deployment' && typeof a.object.ownerFoo === 'string') {
    // The validator wants a declared owner; a run may have created it since, so declare a stand-in.
    objects.push({
      kind: 'Foo',
      namespace: a.object.namespace,
      name: a.object.ownerFoo,
      labels: {},
      finalizers: [],
      spec: { deploymentName: a.object.ownerFoo, replicas: 1 },
    });
  }
  let text: string;
  try {
    text = scenarioToYaml({ ...r.scenario, objects, script: [{ ...action, at: 0 } as ScriptAction] });
  } catch (e) {
    throw new BadRequest('The intervention is not valid.', [e instanceof Error ? e.message : String(e)]);
  }
  const parsed = parseScenario(text);
  if (!parsed.ok)
    throw new BadRequest('The intervention is not valid.', parsed.errors.map(formatScenarioError));
  const { at: _at, ...rest } = parsed.scenario.script[0]!;
  return rest;
}

function intervene(r: Run, step: number, action: InterventionAction, budget: number): void {
  const normalized = normalizeIntervention(r, action);
  const tl = r.tl;
  goTo(r, step, budget);
  const n = tl.cursor.step;
  const made = { ...normalized, at: tl.cursor.now } as ScriptAction;
  const w = fork(tl, n, () => made);
  // The future after n is gone, and with it the interventions made at later steps.
  for (const [a, at] of r.interventions) {
    if (at <= n) continue;
    const i = tl.ctx.script.indexOf(a);
    if (i >= w.scriptIndex) tl.ctx.script.splice(i, 1);
    r.interventions.delete(a);
  }
  r.interventions.set(made, n);
  r.known = n;
  r.knownTime = w.now;
  // Intervals after n's are recomputed on demand (n's own may keep a stale entry: a harmless extra replay).
  const lastIv = n === 0 ? -1 : Math.floor((n - 1) / tl.interval);
  for (const list of r.keyIntervals.values())
    while (list.length > 0 && list[list.length - 1]! > lastIv) list.pop();
  let keep = r.marks.length;
  while (keep > 0 && r.marks[keep - 1]!.step > n) keep--;
  r.marks.length = keep;
  r.marks.push({
    step: n,
    time: w.now,
    kind: 'intervention',
    action: normalized as InterventionAction,
  });
  r.marksView = null;
}

// ---------------------------------------------------------------------------------------------
// Records and history (replayed on a private world: the cursor does not move)

/** A private world at the latest computed state at or before `step` (a keyframe or the cursor). */
function scratchAt(r: Run, step: number): World {
  const tl = r.tl;
  const kf = tl.keyframes[Math.min(Math.floor(step / tl.interval), tl.keyframes.length - 1)]!;
  const base = tl.cursor.step <= step && tl.cursor.step > kf.step ? tl.cursor : kf;
  return structuredClone(base);
}

/** Steps `w` up to step `to`, handing each step's records to `visit` (false stops). */
function replay(r: Run, w: World, to: number, visit: (recs: TraceRecord[]) => boolean): void {
  while (w.step < to) {
    const recs = stepWorld(w, r.tl.ctx);
    if (recs === null || !visit(recs)) return;
  }
}

function recordsWindow(
  r: Run,
  fromReq: number,
  toReq: number,
): { from: number; to: number; records: RecordView[]; truncated: boolean } {
  const from = Math.max(1, fromReq);
  const to = Math.min(toReq, r.known);
  const out: RecordView[] = [];
  if (from > to) return { from, to: Math.max(to, from - 1), records: out, truncated: false };
  let last = from - 1;
  let truncated = false;
  replay(r, scratchAt(r, from - 1), to, (recs) => {
    const s = recs[0]!.step;
    if (s < from) return true;
    if (out.length + recs.length > HOST_LIMITS.records) {
      truncated = true;
      // A single step bigger than the cap is cut (it cannot be split across answers otherwise).
      if (out.length === 0) {
        for (const x of recs.slice(0, HOST_LIMITS.records)) out.push(recordView(x));
        last = s;
      }
      return false;
    }
    for (const x of recs) out.push(recordView(x));
    last = s;
    return true;
  });
  return { from, to: last, records: out, truncated };
}

/**
 * Raw records of steps [from, to]; steps beyond the computed range are computed on the private world
 * (at most `budget` of them), so a lesson can look ahead without moving the cursor.
 */
function traceWindow(
  r: Run,
  fromReq: number,
  toReq: number,
  budget: number,
): { from: number; to: number; records: TraceRecord[]; truncated: boolean } {
  const from = Math.max(1, fromReq);
  let to = Math.min(toReq, r.known + budget);
  if (r.tl.end !== null) to = Math.min(to, r.tl.end);
  const out: TraceRecord[] = [];
  if (from > to) return { from, to: Math.max(to, from - 1), records: out, truncated: false };
  const w = scratchAt(r, Math.min(from - 1, r.known));
  let last = w.step;
  let truncated = toReq > to && (r.tl.end === null || to < r.tl.end);
  replay(r, w, to, (recs) => {
    const s = recs[0]!.step;
    if (s < from) {
      last = s;
      return true;
    }
    if (out.length + recs.length > HOST_LIMITS.traceRecords && out.length > 0) {
      truncated = true;
      return false;
    }
    for (const x of recs) out.push(x);
    last = s;
    return true;
  });
  return { from, to: Math.max(last, from - 1), records: out, truncated };
}

function touches(rec: TraceRecord, key: string): boolean {
  return rec.key === key || (rec.object !== null && deletionHandlingKey(rec.object) === key);
}

/**
 * Replays, newest first, the keyframe intervals up to upTo in which the key was touched, until the
 * record cap (or the interval cap) is reached; the newest records are kept.
 */
function history(
  r: Run,
  key: string,
  upToReq: number,
): { fromStep: number; upTo: number; records: RecordView[]; truncated: boolean } {
  const size = r.tl.interval;
  const upTo = Math.max(0, Math.min(upToReq, r.known));
  const list = r.keyIntervals.get(key) ?? [];
  const lastIv = upTo === 0 ? -1 : Math.floor((upTo - 1) / size);
  let i = list.length - 1;
  while (i >= 0 && list[i]! > lastIv) i--;
  const chunks: TraceRecord[][] = [];
  let total = 0;
  let fromStep = 1;
  let truncated = false;
  for (let scanned = 1; i >= 0; i--, scanned++) {
    const a = list[i]! * size;
    const chunk: TraceRecord[] = [];
    replay(r, scratchAt(r, a), Math.min(a + size, upTo), (recs) => {
      for (const x of recs) if (touches(x, key)) chunk.push(x);
      return true;
    });
    chunks.unshift(chunk);
    total += chunk.length;
    if (i > 0 && (total >= HOST_LIMITS.historyRecords || scanned >= HOST_LIMITS.historyIntervals)) {
      truncated = true;
      fromStep = a + 1;
      break;
    }
  }
  let recs = chunks.flat();
  if (recs.length > HOST_LIMITS.historyRecords) {
    // Keep whole steps: drop the step that would be cut and everything older.
    const cut = recs[recs.length - HOST_LIMITS.historyRecords]!.step;
    const kept = recs.filter((x) => x.step > cut);
    recs = kept.length > 0 ? kept : recs.slice(-HOST_LIMITS.historyRecords);
    fromStep = kept.length > 0 ? cut + 1 : cut;
    truncated = true;
  }
  return { fromStep, upTo, records: recs.map(recordView), truncated };
}
