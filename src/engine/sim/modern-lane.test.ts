/**
 * UnlockWhileProcessing in the simulation (F6, F7): while a take is processed the reflector may append,
 * unless the take left two full batches or more queued; then its actions wait, in order, and run once
 * the processing is over.
 */
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../../scenarios/library';
import { parseScenario } from '../../scenarios/parse';
import { withMeta } from '../apiserver/object-builders';
import { REAL_FIFO_BATCH_SIZE, realFifoAdd, realFifoLen, realFifoLocked } from '../client-go/real-fifo';
import type { KObject } from '../model/objects';
import { createWorld } from './create-world';
import type { StepOut } from './emit';
import {
  modernInformerFinish,
  modernInformerPop,
  modernReflectorDispatch,
  modernRelease,
} from './modern-lane';
import { stepWorld } from './step';
import { inEra } from './test-scenarios';
import type { ModernLaneState, SimContext, World } from './world';

function syncedModernWorld(): { w: World; ctx: SimContext; L: ModernLaneState } {
  const r = parseScenario(libraryScenario('default')!.yaml);
  if (!r.ok) throw new Error('default scenario');
  const s = inEra(r.scenario, 'modern');
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [] };
  const L = w.lanes.Foo;
  if (L.era !== 'modern') throw new Error('not modern');
  while (!(w.controller.started && L.reflector.phase === 'watching' && realFifoLen(L.fifo) === 0))
    if (stepWorld(w, ctx) === null) throw new Error('ran out');
  // Let the pending finish run.
  while (L.processing !== null) stepWorld(w, ctx);
  return { w, ctx, L };
}

function fooCopies(base: KObject, n: number): KObject[] {
  return Array.from({ length: n }, (_, i) =>
    withMeta(base, { name: `burst-${i}`, resourceVersion: String(1000 + i) }),
  );
}

describe('UnlockWhileProcessing (F6) in a modern lane', () => {
  it('a take that leaves fewer than two batches queued lets the reflector append while it is processed', () => {
    const { w, ctx, L } = syncedModernWorld();
    const base = [...L.indexer.items.values()][0]!;
    for (const o of fooCopies(base, REAL_FIFO_BATCH_SIZE + 10)) realFifoAdd(L.fifo, o);
    const out: StepOut = { records: [], count: 0 };
    modernInformerPop(w, ctx, out, 'Foo');
    expect(L.processing?.deltas).toHaveLength(REAL_FIFO_BATCH_SIZE);
    expect(realFifoLocked(L.fifo)).toBe(false);
    const before = realFifoLen(L.fifo);
    modernReflectorDispatch(w, ctx, out, {
      a: 'reflector.watch-event',
      lane: 'Foo',
      streamId: L.reflector.watch!.streamId!,
      event: { type: 'MODIFIED', object: withMeta(base, { resourceVersion: '5000' }) },
    });
    expect(L.held).toEqual([]);
    expect(realFifoLen(L.fifo)).toBe(before + 1);
  });

  it('a take that leaves two batches or more keeps the lock: reflector actions wait, in order, then run', () => {
    const { w, ctx, L } = syncedModernWorld();
    const base = [...L.indexer.items.values()][0]!;
    for (const o of fooCopies(base, 3 * REAL_FIFO_BATCH_SIZE + 5)) realFifoAdd(L.fifo, o);
    const out: StepOut = { records: [], count: 0 };
    modernInformerPop(w, ctx, out, 'Foo');
    expect(realFifoLocked(L.fifo)).toBe(true);
    const queued = realFifoLen(L.fifo);
    const streamId = L.reflector.watch!.streamId!;
    const events = ['5001', '5002'].map((rv) => ({
      a: 'reflector.watch-event' as const,
      lane: 'Foo' as const,
      streamId,
      event: { type: 'MODIFIED' as const, object: withMeta(base, { resourceVersion: rv }) },
    }));
    for (const e of events) modernReflectorDispatch(w, ctx, out, e);
    // Held, not appended (appending under the lock would throw).
    expect(L.held).toEqual(events);
    expect(realFifoLen(L.fifo)).toBe(queued);
    modernInformerFinish(w, 'Foo');
    expect(realFifoLocked(L.fifo)).toBe(false);
    modernRelease(w, ctx, out, 'Foo');
    expect(L.held).toEqual([events[1]]);
    modernRelease(w, ctx, out, 'Foo');
    expect(L.held).toEqual([]);
    const tail = L.fifo.items.slice(-2).map((d) => ('obj' in d ? d.obj : null));
    expect(tail.map((o) => (o !== null && 'metadata' in o ? o.metadata.resourceVersion : null))).toEqual([
      '5001',
      '5002',
    ]);
  });
});
