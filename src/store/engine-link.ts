/**
 * The store's link to the engine: sends cursor requests through the bridge and writes their answers
 * into the store (the only writer of `frame`). Every frame answer carries the interventions in force;
 * the store copies them, so what a link or a restart needs (the session) is always in the state. A new
 * frame shares every part that equals the frame on screen (share-frame.ts), so views memoised on a part
 * of the frame render only when that part changed.
 */

import type { AnswerTo, ErrorResponse, RequestBody, Response } from '../bridge';
import type { EngineClient } from '../bridge/client';
import type { Intervention, Mark } from '../engine/model/session';
import type { Clock } from './clock';
import { createPlayer, type Player } from './player';
import { shareEqual } from './share-frame';
import type { SimState, SimStore } from './types';

export interface LinkOptions {
  readonly clock: Clock;
  /** Rows per long list in frames (default 200). */
  readonly frameLimit: number;
  /** maxSteps of run-until requests. */
  readonly runUntilMaxSteps: number;
}

type FrameAnswer = Extract<Response, { type: 'opened' | 'frame' }>;

export interface EngineLink {
  readonly client: EngineClient;
  readonly player: Player;
  readonly options: LinkOptions;
  /** The step the pending seeks aim at (so repeated steps add up before their answers arrive). */
  target: number | null;
  /**
   * Steps that playing does not enter (ascending): it stops with the step before on screen (a lesson's
   * pause points). Stepping and seeking are not affected.
   */
  stopPoints: readonly number[];
  /** A pending load: other cursor requests wait for it, so its answer is not superseded. */
  loading: Promise<unknown> | null;
  /** Sends a cursor request and applies its answer; resolves to the answer (null: superseded). */
  send<R extends RequestBody>(body: R): Promise<AnswerTo<R['type']> | null>;
  /** Sends a request without applying its answer (the player applies it at an animation frame). */
  request<R extends RequestBody>(body: R): Promise<AnswerTo<R['type']> | null>;
  /** Applies an answer as `send` does. */
  apply(res: Response): void;
  /** Counts the cursor requests sent: an answer kept for later is applied only if none was sent since. */
  cursorRequests: number;
  applyFrame(res: FrameAnswer): void;
  applyError(res: ErrorResponse): void;
  dispose(): void;
}

type SetState = SimStore['setState'];

/** Marks arrive as a new array with every answer; keep the old reference while they are the same. */
export function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.step !== y.step || x.kind !== y.kind || x.time !== y.time) return false;
  }
  return true;
}

/** Interventions arrive with every answer; keep the old reference while they are the same. */
export function sameInterventions(a: readonly Intervention[], b: readonly Intervention[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  // An intervention is never changed in place: the same step and the same action value mean the same.
  for (let i = 0; i < a.length; i++)
    if (a[i]!.step !== b[i]!.step || JSON.stringify(a[i]!.action) !== JSON.stringify(b[i]!.action))
      return false;
  return true;
}

export function createEngineLink(
  client: EngineClient,
  set: SetState,
  get: () => SimState,
  options: LinkOptions,
): EngineLink {
  const shown = () => {
    const f = get().frame;
    return { step: f?.step ?? 0, time: f?.time ?? 0 };
  };
  const link: EngineLink = {
    client,
    options,
    target: null,
    loading: null,
    stopPoints: [],
    player: createPlayer({
      clock: options.clock,
      speed: () => get().speed,
      advance: async (steps, summary) => {
        const cur = get().cursor;
        const stop = link.stopPoints.find((x) => x > cur);
        const room = stop === undefined ? steps : Math.min(steps, stop - 1 - cur);
        if (room <= 0) return null;
        const res = await link.request({ type: 'advance', steps: room, summary });
        const asked = link.cursorRequests;
        return () => {
          // Superseded, or another cursor request went out since: its answer is the newer one.
          if (res === null || link.cursorRequests !== asked) return get().playing;
          link.apply(res);
          if (res.type !== 'frame' || res.ended) return false;
          return stop === undefined || res.frame.step < stop - 1;
        };
      },
      advanceToTime: async (time, steps) => {
        const cur = get().cursor;
        const stop = link.stopPoints.find((x) => x > cur);
        const room = stop === undefined ? steps : Math.min(steps, stop - 1 - cur);
        if (room <= 0) return null;
        const res = await link.send({ type: 'advance', steps: room, summary: true, untilTime: time });
        // Superseded (a seek while playing): go on from what is on screen.
        if (res === null) return get().playing ? { ...shown(), reached: false } : null;
        if (res.type !== 'frame' || res.ended) return null;
        if (stop !== undefined && res.frame.step >= stop - 1) return null;
        return { step: res.frame.step, time: res.frame.time, reached: res.untilReached === true };
      },
      shown,
      setPlayTime: (ms) => {
        if (get().playTime !== ms) set({ playTime: ms });
      },
      onStop: () => set({ playing: false }),
    }),
    cursorRequests: 0,
    async send<R extends RequestBody>(body: R): Promise<AnswerTo<R['type']> | null> {
      const res = await link.request(body);
      if (res !== null) link.apply(res);
      return res;
    },
    async request<R extends RequestBody>(body: R): Promise<AnswerTo<R['type']> | null> {
      if (body.type !== 'open') {
        while (link.loading !== null) await link.loading;
      }
      // Every request through the link moves the cursor (windows on the trace go to the client directly).
      link.cursorRequests++;
      return client.request(body);
    },
    apply(res) {
      if (res.type === 'opened' || res.type === 'frame') link.applyFrame(res);
      else if (res.type === 'error') link.applyError(res);
    },
    applyFrame(res) {
      const s = get();
      link.target = null;
      // An answer that did not move (a rate play waiting for the next step's time) changes nothing on
      // screen: the frame and what the last jump skipped keep their references, so nothing re-renders.
      const same = s.frame !== null && s.frame.step === res.frame.step && s.frame.digest === res.frame.digest;
      const stayed =
        same && res.type === 'frame' && res.skipped !== null && res.skipped.toStep === res.skipped.fromStep;
      set({
        frame: same ? s.frame : shareEqual(s.frame, res.frame),
        cursor: res.frame.step,
        known: res.known,
        ended: res.ended,
        marks: sameMarks(s.marks, res.marks) ? s.marks : res.marks,
        skipped: stayed ? s.skipped : res.type === 'frame' ? res.skipped : null,
        interventions: sameInterventions(s.interventions, res.interventions)
          ? s.interventions
          : res.interventions,
        ...(res.type === 'opened' ? { scenario: res.scenario, error: null } : {}),
      });
    },
    applyError(res) {
      link.target = null;
      if (res.fatal) {
        link.player.stop();
        set({ fatal: res.message, playing: false });
      } else {
        set({ error: { message: res.message, details: res.details } });
      }
    },
    dispose() {
      link.player.stop();
      unsubscribe();
    },
  };
  const unsubscribe = client.onFatal((message) => {
    link.player.stop();
    set({ fatal: message, playing: false });
  });
  return link;
}
