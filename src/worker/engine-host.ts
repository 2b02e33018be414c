/**
 * EngineHost: the engine's side of the Worker protocol (protocol.ts), as a thin adapter. It keeps at
 * most one run (src/engine/session/run.ts: a timeline with its intervention log and frontier, plus
 * marks) and answers every Request with exactly one Response. Pure TypeScript: it runs inside the
 * Worker (engine.worker.ts), in the in-process bridge client (tests, CLI) and in Node tests.
 *
 * - `handle` never throws. A bad request or a bad session answers `{type: 'error', fatal: false}` and
 *   changes nothing; an exception from the engine answers `fatal: true` and the host refuses further
 *   work (except `open`) until the page restarts it.
 * - `open` is the one way in: the first load, a shared link and a restart after a crash all send a
 *   session (source, seed, interventions, step) and get one answer (sources.ts resolves and checks it,
 *   the run replays it: session/moves.ts `replaySession`).
 * - Every frame answer carries the interventions in force and the marks; the store copies them.
 * - Limits keep one request bounded: see HOST_LIMITS.
 * - `warmUp` runs the engine's warm-up after a load (engine/session/warm-up.ts) in slices: the Worker
 *   calls it in idle time, between requests; it changes nothing a request can see.
 */
import type { Scenario } from '../engine/model/scenario';
import type { Session, SkipSummary } from '../engine/model/session';
import {
  forward,
  forwardToTime,
  goTo,
  isEnded,
  replaySession,
  seekTime,
  seekTimeAtOrBefore,
  untilTest,
} from '../engine/session/moves';
import {
  interveneAt,
  interventionsOf,
  marksOf,
  openRun,
  RUN_LIMITS,
  type Run,
  SessionError,
} from '../engine/session/run';
import { WARM_UP, warmUpUnit } from '../engine/session/warm-up';
import { history, recordsWindow, traceWindow, WINDOW_LIMITS } from '../engine/session/windows';
import { buildFrame } from '../engine/sim/frame';
import { scenarioToYaml } from '../scenarios/parse';
import { type Request, type Response, SEEK_TIME_AT } from './protocol';
import { checkAction, type LessonScenarios, resolveSession } from './sources';

export const HOST_LIMITS = {
  ...WINDOW_LIMITS,
  ...RUN_LIMITS,
  /** New steps one request may compute (seek, seek-time, advance, run-until, trace look-ahead). */
  computePerRequest: 200_000,
  /** New steps an `open` may compute to replay a session's interventions and reach its step. */
  computePerOpen: 2_000_000,
  /** Largest frameLimit an open may ask for. */
  frameLimit: 100_000,
} as const;

export interface EngineHostOptions {
  /** Steps between keyframes (fixed); without it the timeline spaces them by the world's size. */
  readonly keyframeInterval?: number;
  /** Overrides HOST_LIMITS.computePerRequest (tests). */
  readonly computePerRequest?: number;
  /** Overrides HOST_LIMITS.computePerOpen (tests). */
  readonly computePerOpen?: number;
  /**
   * The scenario of a lesson by id, for sources `{kind: 'lesson'}` (the Worker passes the built-in
   * lessons of src/scenarios/lessons; without it, lessons are refused as unknown).
   */
  readonly lessons?: LessonScenarios;
}

export interface EngineHost {
  /** Answers one request. Never throws. */
  handle(req: Request): Response;
}

/** The host as the Worker runs it: it also warms the engine up in idle time. */
export interface WarmingHost extends EngineHost {
  /**
   * Runs warm-up units of the run last opened for about `sliceMs` (at least one unit); true while
   * units remain. Never throws and changes nothing a request can see.
   */
  warmUp(sliceMs: number): boolean;
}

export function createEngineHost(opts: EngineHostOptions = {}): WarmingHost {
  const compute = Math.max(1, opts.computePerRequest ?? HOST_LIMITS.computePerRequest);
  const computeOpen = Math.max(1, opts.computePerOpen ?? HOST_LIMITS.computePerOpen);
  let run: Run | null = null;
  /** Set after an engine exception: the run's state can no longer be trusted. */
  let broken: string | null = null;
  /** The next warm-up unit of the current run (WARM_UP.units: none left). */
  let warmNext: number = WARM_UP.units;

  function serve(req: Request): Response {
    if (req.type === 'open') {
      const next = open(req.session, req.frameLimit);
      run = next;
      broken = null;
      warmNext = 0;
      return { id: req.id, type: 'opened', scenario: next.info, ...state(next) };
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
    if (r === null) throw new SessionError('No scenario is loaded.');
    switch (req.type) {
      case 'seek':
        goTo(r, int(req.step, 'step'), compute);
        return frameAnswer(req.id, r, null);
      case 'seek-time':
        if (req.at !== undefined && !SEEK_TIME_AT.includes(req.at))
          throw new SessionError(`seek-time: at must be one of ${SEEK_TIME_AT.join(', ')}`);
        if (req.at === 'last-at-or-before') seekTimeAtOrBefore(r, num(req.time, 'time'), compute);
        else seekTime(r, num(req.time, 'time'), compute);
        return frameAnswer(req.id, r, null);
      case 'advance': {
        const steps = Math.min(Math.max(0, int(req.steps, 'steps')), compute);
        if (req.untilTime !== undefined) {
          const res = forwardToTime(r, steps, num(req.untilTime, 'untilTime'), req.summary === true);
          return frameAnswer(req.id, r, res.summary, res.reached);
        }
        return frameAnswer(req.id, r, forward(r, steps, req.summary === true, null).summary);
      }
      case 'run-until': {
        const test = untilTest(req.until);
        const max = Math.min(Math.max(1, int(req.maxSteps, 'maxSteps')), compute);
        const res = forward(r, max, true, test);
        return frameAnswer(req.id, r, res.summary, res.reached);
      }
      case 'intervene': {
        const action = checkAction(req.action);
        goTo(r, int(req.step, 'step'), compute);
        interveneAt(r, r.tl.cursor.step, action);
        return frameAnswer(req.id, r, null);
      }
      case 'records':
        return { id: req.id, type: 'records', ...recordsWindow(r, int(req.from, 'from'), int(req.to, 'to')) };
      case 'trace':
        return {
          id: req.id,
          type: 'trace',
          ...traceWindow(r, int(req.from, 'from'), int(req.to, 'to'), compute),
        };
      case 'history': {
        if (typeof req.key !== 'string') throw new SessionError('history: key must be a string');
        return { id: req.id, type: 'history', key: req.key, ...history(r, req.key, int(req.upTo, 'upTo')) };
      }
      case 'export-scenario': {
        const scenario: Scenario = { ...r.scenario, script: [...r.tl.ctx.script] };
        return { id: req.id, type: 'scenario-yaml', yaml: scenarioToYaml(scenario) };
      }
      default:
        throw new SessionError(`Unknown request type ${JSON.stringify((req as { type?: unknown }).type)}.`);
    }
  }

  /** A new run for a session: everything is checked first; the current run is kept if it is refused. */
  function open(session: Session, frameLimit?: number): Run {
    const limit = frameLimit === undefined ? 200 : int(frameLimit, 'frameLimit');
    if (limit < 1 || limit > HOST_LIMITS.frameLimit)
      throw new SessionError(`frameLimit must be from 1 to ${HOST_LIMITS.frameLimit}`);
    const s = resolveSession(session, opts.lessons);
    const next = openRun(s.scenario, {
      frameLimit: limit,
      ...(opts.keyframeInterval === undefined ? {} : { keyframeInterval: opts.keyframeInterval }),
    });
    replaySession(next, s.interventions, s.step, computeOpen);
    return next;
  }

  return {
    warmUp(sliceMs: number): boolean {
      const r = run;
      if (r === null || broken !== null) return false;
      const start = performance.now();
      try {
        do warmUpUnit(r, warmNext++);
        while (warmNext < WARM_UP.units && performance.now() - start < sliceMs);
      } catch {
        // A fault here shows again on the request that meets it, which answers it; just stop warming.
        warmNext = WARM_UP.units;
      }
      return warmNext < WARM_UP.units;
    },
    handle(req: Request): Response {
      const id = typeof req === 'object' && req !== null && typeof req.id === 'number' ? req.id : -1;
      if (id === -1) return { id, type: 'error', message: 'Malformed request.', details: [], fatal: false };
      try {
        return serve(req);
      } catch (e) {
        if (e instanceof SessionError)
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

/** What every frame answer carries about the run. */
function state(r: Run) {
  return {
    frame: buildFrame(r.tl.cursor, r.tl.cursorRecords, { limit: r.frameLimit }),
    known: r.tl.known,
    ended: isEnded(r),
    marks: marksOf(r),
    interventions: interventionsOf(r),
  };
}

function frameAnswer(id: number, r: Run, skipped: SkipSummary | null, untilReached?: boolean): Response {
  return {
    id,
    type: 'frame',
    ...state(r),
    skipped,
    ...(untilReached === undefined ? {} : { untilReached }),
  };
}

function num(v: unknown, name: string): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new SessionError(`${name} must be a number`);
  return v;
}

/** An integer argument (fractions truncate; ±Infinity clamps to the safe range). */
function int(v: unknown, name: string): number {
  const n = num(v, name);
  return Math.trunc(Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, n)));
}
