// Interventions work in both eras (issue 12). Every kind the interventions panel offers
// (intervention-kinds.ts), and the fault bar's slow-downs, built through the panel's own builders from
// the frame on screen, is made on the default story run as classic (client-go 1.26) and as modern
// (v0.36.3): it is accepted, its record comes at the virtual time of the step on screen and its frame
// shows it (narration, the timeline's mark), the pipeline reacts as the spec says for that era, and the controller settles afterwards.
import { describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../bridge/in-process-client';
import type { Frame } from '../../engine/model/frame';
import type { Era } from '../../engine/model/scenario';
import type { InterventionAction } from '../../engine/model/session';
import type { TraceRecord } from '../../engine/model/trace';
import { createSimStore } from '../../store';
import { createManualClock } from '../../store/clock';
import { createEngineHost } from '../../worker/engine-host';
import { INTERVENTION_KINDS, type InterventionKind } from './intervention-kinds';
import {
  type BuildResult,
  buildAddHandler,
  buildAddLatency,
  buildApiErrors,
  buildCloseWatch,
  buildCompact,
  buildCreateFoo,
  buildDelete,
  buildFailReconciles,
  buildLagReplica,
  buildRefuseConnections,
  buildRestartApiServer,
  buildSlowHandlers,
  buildUpdateFooReplicas,
  buildWatchError,
} from './interventions';

type Case = {
  /** What is made, from the frame on screen (as the panel builds it). */
  readonly build: (f: Frame) => BuildResult;
  /** The record the intervention itself emits (the step after the one on screen). */
  readonly record: string;
  /** What follows in the trace, per era (message ids in order, each after the one before). */
  readonly follows: (era: Era) => readonly ((r: TraceRecord) => boolean)[];
  /** Needs 2 apiserver replicas. */
  readonly ha?: boolean;
};

const msg =
  (message: string, lane?: string) =>
  (r: TraceRecord): boolean =>
    r.message === message && (lane === undefined || r.lane === lane);
const ok = (a: InterventionAction): BuildResult => ({ ok: true, action: a });
/** How a reflector starts over: a watch-list in the modern era (R18), a LIST in the classic one. */
const relist = (era: Era, lane: string) =>
  era === 'modern' ? msg('reflector.watch-list', lane) : msg('reflector.list', lane);
/** The informer's store change for a key (classic pop → indexer; modern batch → store). */
const stored = (era: Era, key: string) => (r: TraceRecord) =>
  r.key === key &&
  (era === 'modern' ? r.message.startsWith('informer.store-') : r.message.startsWith('informer.indexer-'));

const CASES: Readonly<Record<InterventionKind | 'addLatency' | 'slowHandlers', Case>> = {
  create: {
    build: (f) =>
      buildCreateFoo(
        { namespace: 'default', name: 'era-test', replicas: '2', deploymentName: '' },
        f.server.objects.Foo,
      ),
    record: 'user.write',
    follows: (era) => [stored(era, 'default/era-test'), msg('worker.get-foo')],
  },
  update: {
    build: (f) => buildUpdateFooReplicas({ key: 'default/example-foo', replicas: '7' }, f.server.objects.Foo),
    record: 'user.write',
    follows: (era) => [stored(era, 'default/example-foo')],
  },
  delete: {
    build: (f) => buildDelete({ kind: 'Foo', key: 'default/frontend' }, f.server.objects.Foo),
    record: 'user.write',
    follows: (era) => [
      (r) =>
        r.key === 'default/frontend' &&
        (era === 'modern' ? r.message === 'informer.store-delete' : r.message === 'informer.indexer-delete'),
    ],
  },
  restartApiServer: {
    build: () => buildRestartApiServer('3'),
    record: 'fault.restart',
    follows: (era) => [msg('reflector.watch-refused', 'Foo'), relist(era, 'Foo')],
  },
  lagReplica: {
    build: () => buildLagReplica('B', '2', '10'),
    record: 'fault.lag-replica',
    follows: () => [],
    ha: true,
  },
  compact: { build: () => ok(buildCompact()), record: 'fault.compact', follows: () => [] },
  closeWatch: {
    build: () => ok(buildCloseWatch('Foo')),
    record: 'fault.close-watch',
    follows: () => [msg('reflector.watch', 'Foo')],
  },
  watchError: {
    build: () => ok(buildWatchError(410, 'Foo')),
    record: 'fault.watch-error',
    follows: (era) => [relist(era, 'Foo')],
  },
  refuseConnections: {
    build: () => buildRefuseConnections('5'),
    record: 'fault.refuse-connections',
    follows: () => [],
  },
  apiErrors: { build: () => buildApiErrors(500, '5'), record: 'fault.api-errors', follows: () => [] },
  failReconciles: {
    build: () => buildFailReconciles('2'),
    record: 'fault.fail-reconciles',
    follows: () => [msg('worker.injected-failure'), msg('worker.add-rate-limited')],
  },
  addHandler: {
    build: (f) =>
      buildAddHandler(
        { kind: 'Foo', name: 'audit-log' },
        f.lanes.Foo.listeners.map((l) => l.handler),
      ),
    record: 'informer.handler-added',
    follows: () => [],
  },
  addLatency: { build: () => buildAddLatency('300', '5'), record: 'fault.add-latency', follows: () => [] },
  slowHandlers: {
    build: () => buildSlowHandlers('200', '5'),
    record: 'fault.slow-handlers',
    follows: () => [],
  },
};

/** Each predicate matched by a record after the one the previous predicate matched. */
function inOrder(records: readonly TraceRecord[], preds: readonly ((r: TraceRecord) => boolean)[]): boolean {
  let i = 0;
  for (const p of preds) {
    while (i < records.length && !p(records[i]!)) i++;
    if (i === records.length) return false;
    i++;
  }
  return true;
}

const AT = 150;

describe('every intervention works in both eras', () => {
  it('covers every kind the panel offers', () => {
    for (const k of INTERVENTION_KINDS) expect(CASES[k]).toBeDefined();
  });

  for (const era of ['classic', 'modern'] as const) {
    for (const [kind, c] of Object.entries(CASES)) {
      it(`${kind} in the ${era} era: applies, is shown, and the pipeline reacts`, async () => {
        const store = createSimStore(
          createInProcessClient(() => createEngineHost()),
          {
            clock: createManualClock(),
          },
        );
        const s = () => store.getState();
        const changes = c.ha === true ? { era, apiServerReplicas: 2 } : { era };
        expect(await s().load({ kind: 'library', name: 'default', changes })).toBe(true);
        await s().seek(AT);
        expect(s().frame!.step).toBe(AT);
        // The informers have synced in both eras by now: the controller works from its listers.
        expect(s().frame!.lanes.Foo.modern !== undefined).toBe(era === 'modern');
        const built = c.build(s().frame!);
        if (!built.ok) throw new Error(JSON.stringify(built.problems));
        expect(await s().intervene(built.action)).toBe(true);
        expect(s().error).toBeNull();
        expect(s().interventions).toEqual([{ step: AT, action: built.action }]);
        expect(s().marks.some((m) => m.kind === 'intervention' && m.step === AT)).toBe(true);

        const atTime = s().frame!.time;
        const trace = await s().fetchTrace(AT + 1, AT + 3000);
        expect(trace).not.toBeNull();
        // The intervention acts at the virtual time of the step on screen (after what was already due
        // then), and the frame of its step shows its record (narration, figure).
        const own = trace!.records.find((r) => r.message === c.record);
        expect(own, `${c.record} follows step ${AT}`).toBeDefined();
        expect(own!.time).toBe(atTime);
        await s().seek(own!.step);
        const shown = s().frame!.records.find((r) => r.message === c.record);
        expect(shown).toBeDefined();
        if (kind === 'addHandler') {
          // SI8: the new handler gets an add for each object the indexer holds, in both eras.
          expect(shown!.params.initialAdds).toBe(s().frame!.lanes.Foo.indexer.count);
          expect(s().frame!.lanes.Foo.listeners.some((l) => l.handler === 'audit-log')).toBe(true);
        }
        if (kind === 'lagReplica') expect(shown!.params.lagMs).toBe(2000);
        const after = trace!.records.filter((r) => r.step > own!.step);
        expect(inOrder(after, c.follows(era)), `${kind} is followed by what the ${era} era does`).toBe(true);
        // And the controller settles again.
        expect(await s().runUntil({ kind: 'quiet' })).toBe(true);
        s().dispose();
      });
    }
  }
});
