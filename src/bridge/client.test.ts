import { describe, expect, it } from 'vitest';
import { createEngineHost, type EngineHost } from '../worker/engine-host';
import type { Request, Response } from '../worker/protocol';
import { createClient, type Transport } from './client';
import { createInProcessClient } from './in-process-client';

/**
 * A transport around a real host whose answers are held back until the test releases them, in any
 * order.
 */
function heldTransport() {
  const host = createEngineHost();
  const held = new Map<number, Response>();
  let onResponse: (res: Response) => void = () => {};
  let onCrash: (message: string) => void = () => {};
  const calls = { restart: 0, dispose: 0 };
  const transport: Transport = {
    connect(res, crash) {
      onResponse = res;
      onCrash = crash;
    },
    send(req: Request) {
      held.set(req.id, host.handle(req));
    },
    restart() {
      calls.restart++;
      held.clear();
    },
    dispose() {
      calls.dispose++;
    },
  };
  return {
    transport,
    calls,
    ids: () => [...held.keys()],
    release(id: number) {
      const res = held.get(id);
      if (res === undefined) throw new Error(`no answer held for ${id}`);
      held.delete(id);
      onResponse(res);
    },
    deliver: (res: Response) => onResponse(res),
    crash: (message: string) => onCrash(message),
  };
}

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('bridge client', () => {
  it('newest request wins on the cursor channel; other requests always get their answer', async () => {
    const h = heldTransport();
    const c = createClient(h.transport);
    const loaded = c.request({
      type: 'open',
      session: { source: { kind: 'library', name: 'default' }, interventions: [], step: 0 },
    });
    h.release(h.ids()[0]!);
    expect((await loaded)?.type).toBe('opened');

    const s10 = c.request({ type: 'seek', step: 10 });
    const s20 = c.request({ type: 'seek', step: 20 });
    const recs = c.request({ type: 'records', from: 1, to: 5 });
    const s30 = c.request({ type: 'advance', steps: 5, summary: false });
    const [i10, i20, iRecs, i30] = h.ids() as [number, number, number, number];
    // Out of order: the newest first, then the rest.
    h.release(i30);
    h.release(iRecs);
    h.release(i10);
    h.release(i20);
    const a30 = await s30;
    expect(a30?.type === 'frame' && a30.frame.step).toBe(25);
    expect((await recs)?.type).toBe('records');
    expect(await s10).toBeNull();
    expect(await s20).toBeNull();

    // In order, too: an answer that arrives after a newer request was sent is dropped.
    const x = c.request({ type: 'seek', step: 1 });
    const y = c.request({ type: 'seek-time', time: 0 });
    for (const id of h.ids()) h.release(id);
    expect(await x).toBeNull();
    expect((await y)?.type).toBe('frame');
  });

  it('reports fatal answers and crashes; pending requests settle', async () => {
    const h = heldTransport();
    const c = createClient(h.transport);
    const fatals: string[] = [];
    const off = c.onFatal((m) => fatals.push(m));
    const old = c.request({ type: 'seek', step: 1 });
    const cur = c.request({ type: 'seek', step: 2 });
    const hist = c.request({ type: 'history', key: 'k', upTo: 1 });
    h.crash('worker died');
    expect(await old).toBeNull();
    expect(await cur).toMatchObject({ type: 'error', fatal: true, message: 'worker died' });
    expect(await hist).toMatchObject({ type: 'error', fatal: true });
    h.deliver({ id: 99, type: 'error', message: 'engine broke', details: [], fatal: true });
    expect(fatals).toEqual(['worker died', 'engine broke']);
    off();
    h.crash('again');
    expect(fatals).toHaveLength(2);
  });

  it('restart drops pending requests; dispose answers null from then on', async () => {
    const h = heldTransport();
    const c = createClient(h.transport);
    const p = c.request({ type: 'export-scenario' });
    c.restart();
    expect(await p).toBeNull();
    expect(h.calls.restart).toBe(1);
    c.dispose();
    expect(h.calls.dispose).toBe(1);
    expect(await c.request({ type: 'seek', step: 0 })).toBeNull();
  });

  it('the in-process client answers like the host and restarts with a fresh host', async () => {
    const direct = createEngineHost();
    direct.handle({
      id: 1,
      type: 'open',
      session: { source: { kind: 'library', name: 'default' }, interventions: [], step: 0 },
    });
    const want = direct.handle({ id: 2, type: 'seek', step: 77 });

    const hosts: EngineHost[] = [];
    const c = createInProcessClient(() => {
      const host = createEngineHost();
      hosts.push(host);
      return host;
    });
    await c.request({
      type: 'open',
      session: { source: { kind: 'library', name: 'default' }, interventions: [], step: 0 },
    });
    const got = await c.request({ type: 'seek', step: 77 });
    expect(got?.type === 'frame' && want.type === 'frame' && got.frame.digest === want.frame.digest).toBe(
      true,
    );

    const lost = c.request({ type: 'seek', step: 5 });
    c.restart();
    expect(await lost).toBeNull();
    expect(hosts).toHaveLength(2);
    const after = await c.request({ type: 'seek', step: 5 });
    expect(after).toMatchObject({ type: 'error', fatal: false, message: 'No scenario is loaded.' });
    await flush();
  });
});
