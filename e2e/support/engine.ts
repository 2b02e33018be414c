// The engine's answers computed in Node, for comparing the page with what the engine says. The specs
// import the same EngineHost the Web Worker runs (src/worker/engine-host.ts), so a difference between
// the page and these answers is a bug in the path Worker → bridge → store → view, not in the engine.
import type { Frame, RecordView } from '../../src/engine/model/frame';
import type { InterventionAction, RunUntil, ScenarioSource } from '../../src/engine/model/session';
import { createEngineHost, type EngineHost } from '../../src/worker/engine-host';
import type { RequestBody, Response } from '../../src/worker/protocol';

/** Rows per long list: the store's default (src/store/sim-store.ts), so digests are comparable. */
export const FRAME_LIMIT = 200;

/** A Node-side engine with the default scenario loaded, as the page loads it at start. */
export class NodeEngine {
  private readonly host: EngineHost = createEngineHost();
  private nextId = 1;
  /** The frame of the last cursor answer. */
  frame: Frame;

  constructor(scenario: string | ScenarioSource = 'default') {
    const source: ScenarioSource =
      typeof scenario === 'string' ? { kind: 'library', name: scenario } : scenario;
    const res = this.send({
      type: 'open',
      session: { source, interventions: [], step: 0 },
      frameLimit: FRAME_LIMIT,
    });
    if (res.type !== 'opened') throw new Error(`load failed: ${JSON.stringify(res)}`);
    this.frame = res.frame;
  }

  private send(body: RequestBody): Response {
    return this.host.handle({ ...body, id: this.nextId++ } as Parameters<EngineHost['handle']>[0]);
  }

  private cursor(body: RequestBody): Frame {
    const res = this.send(body);
    if (res.type !== 'frame' && res.type !== 'opened')
      throw new Error(`${body.type} failed: ${JSON.stringify(res)}`);
    this.frame = res.frame;
    return res.frame;
  }

  seek(step: number): Frame {
    return this.cursor({ type: 'seek', step });
  }

  intervene(action: InterventionAction): Frame {
    return this.cursor({ type: 'intervene', step: this.frame.step, action });
  }

  runUntil(until: RunUntil, maxSteps = 100_000): Frame {
    return this.cursor({ type: 'run-until', until, maxSteps });
  }

  /** Trace records of steps [from, to]. */
  records(from: number, to: number): readonly RecordView[] {
    const res = this.send({ type: 'records', from, to });
    if (res.type !== 'records') throw new Error(`records failed: ${JSON.stringify(res)}`);
    return res.records;
  }
}
