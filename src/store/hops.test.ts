/**
 * Issue 7: how many round trips to the engine a link open, an intervention and a restart take. Each is
 * one request now (before the redesign: a link open took a load, a seek and an intervene per
 * intervention and a final seek, 2 + k + n; a restart took a load, one intervene per intervention and
 * a seek, n + 2).
 */
import { describe, expect, it } from 'vitest';
import { createClient, type Transport } from '../bridge/client';
import type { Session } from '../engine/model/session';
import { createEngineHost } from '../worker/engine-host';
import type { Request, Response } from '../worker/protocol';
import { createManualClock } from './clock';
import { sessionOf } from './selectors';
import { createSimStore } from './sim-store';

/** An in-process transport that logs every request type and can make the engine fail. */
function counting() {
  const log: Request['type'][] = [];
  let host = createEngineHost();
  let failing = false;
  let answer: (res: Response) => void = () => {};
  const transport: Transport = {
    connect(onResponse) {
      answer = onResponse;
    },
    send(req) {
      log.push(req.type);
      const h = host;
      queueMicrotask(() => {
        if (h !== host) return;
        answer(
          failing ? { id: req.id, type: 'error', message: 'boom', details: [], fatal: true } : h.handle(req),
        );
      });
    },
    restart() {
      host = createEngineHost();
      failing = false;
    },
    dispose() {},
  };
  return { log, transport, fail: () => (failing = true) };
}

const SESSION: Session = {
  source: { kind: 'library', name: 'default' },
  seed: 4,
  interventions: [
    { step: 30, action: { action: 'compact' } },
    { step: 60, action: { action: 'watchError', code: 410, kind: 'Foo' } },
    { step: 90, action: { action: 'failReconciles', count: 2 } },
  ],
  step: 150,
};

describe('round trips to the engine', () => {
  it('a session (a link, a boot) opens in one request, an intervention is one, a restart is one', async () => {
    const c = counting();
    const store = createSimStore(createClient(c.transport), { clock: createManualClock() });
    const s = () => store.getState();

    expect(await s().open(SESSION)).toBe(true);
    expect(c.log).toEqual(['open']);
    expect(s().interventions).toEqual(SESSION.interventions);
    const digest = s().frame!.digest;

    c.log.length = 0;
    expect(await s().intervene({ action: 'closeWatch' })).toBe(true);
    expect(c.log).toEqual(['intervene']);
    expect(s().interventions.map((i) => i.step)).toEqual([30, 60, 90, 150]);
    await s().seek(150);
    // An intervention at an earlier step drops those made later (the discarded future).
    await s().seek(70);
    await s().intervene({ action: 'compact' });
    expect(s().interventions.map((i) => i.step)).toEqual([30, 60, 70]);
    const before = sessionOf(s())!;
    await s().seek(120);
    const at120 = s().frame!.digest;

    c.log.length = 0;
    c.fail();
    await s().stepForward();
    expect(s().fatal).toBe('boom');
    c.log.length = 0;
    await s().restart();
    expect(c.log).toEqual(['open']);
    expect([s().fatal, s().cursor, s().frame!.digest]).toEqual([null, 120, at120]);
    expect(s().interventions).toEqual(before.interventions);

    // Opening the first session again shows its frame exactly.
    c.log.length = 0;
    expect(await s().open(SESSION)).toBe(true);
    expect([c.log, s().frame!.digest]).toEqual([['open'], digest]);
  });
});
