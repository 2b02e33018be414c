import { describe, expect, it } from 'vitest';
import { createInProcessClient } from '../bridge/in-process-client';
import type { Session } from '../engine/model/session';
import { createEngineHost, type EngineHost } from '../worker/engine-host';
import type { Response } from '../worker/protocol';
import { createManualClock } from './clock';
import { selectCursor, selectMarks } from './selectors';
import { createSimStore } from './sim-store';
import type { SimStore } from './types';

const DEFAULT = { kind: 'library', name: 'default' } as const;
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** A store on an in-process engine and a manual clock; `seen` lists every cursor the store showed. */
function setup(createHost?: () => EngineHost) {
  const clock = createManualClock();
  const client = createInProcessClient(createHost ?? (() => createEngineHost()));
  const store: SimStore = createSimStore(client, { clock });
  const seen: number[] = [];
  store.subscribe(
    (s) => s.frame,
    (f) => {
      if (f !== null) seen.push(f.step);
    },
  );
  return { clock, client, store, seen, s: () => store.getState() };
}

describe('sim store', () => {
  it('loads a scenario; a bad one leaves everything as it was and says why', async () => {
    const { store, s } = setup();
    expect(await s().load(DEFAULT)).toBe(true);
    expect([s().cursor, s().known, s().frame?.step, s().scenario?.name]).toEqual([0, 0, 0, 'default']);
    await s().seek(40);
    const frame = s().frame;
    expect(await s().load({ kind: 'text', text: 'kind: Nope' })).toBe(false);
    expect(s().error?.details.length).toBeGreaterThan(0);
    expect(s().frame).toBe(frame);
    s().dismissError();
    expect(store.getState().error).toBeNull();
  });

  it('steps add up before their answers arrive; only the newest answer is shown', async () => {
    const { s, seen } = setup();
    await s().load(DEFAULT);
    seen.length = 0;
    void s().stepForward();
    void s().stepForward();
    void s().stepForward();
    await flush();
    expect(seen).toEqual([3]);
    const d3 = s().frame!.digest;
    await s().stepForward();
    await s().stepBack();
    expect([s().cursor, s().frame!.digest]).toEqual([3, d3]);
    void s().stepBack();
    void s().stepBack();
    await flush();
    expect(s().cursor).toBe(1);
  });

  it('a cursor request made while a load is pending waits for it (the load answer is not dropped)', async () => {
    const { s } = setup();
    void s().load(DEFAULT);
    await s().seek(12);
    expect([s().scenario?.name, s().cursor]).toEqual(['default', 12]);
  });

  it('plays every step at slow speed', async () => {
    const { s, seen, clock } = setup();
    await s().load(DEFAULT);
    seen.length = 0;
    s().setSpeed(10);
    s().play();
    await flush();
    for (let i = 0; i < 19; i++) {
      clock.tick(100);
      await flush();
    }
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(s().skipped).toBeNull();
    // Nothing happens between two ticks.
    clock.tick(99);
    await flush();
    expect(s().cursor).toBe(20);
    s().pause();
    clock.tick(1000);
    await flush();
    expect([s().cursor, s().playing]).toEqual([20, false]);
  });

  it('batches at high speed: one advance per animation frame, about speed × time steps', async () => {
    const { s, seen, clock } = setup();
    await s().load(DEFAULT);
    seen.length = 0;
    s().setSpeed(100);
    s().play();
    for (let i = 0; i < 62; i++) {
      clock.animationFrame(16);
      await flush();
    }
    // 62 frames × 16 ms = 992 ms at 100 steps/s.
    expect(s().cursor).toBe(99);
    expect(seen.length).toBeLessThanOrEqual(62);
    const jumps = seen.map((x, i) => x - (seen[i - 1] ?? 0));
    expect(Math.max(...jumps)).toBeLessThanOrEqual(2);
    expect(s().skipped).not.toBeNull();
    expect(s().skipped!.toStep).toBe(s().cursor);

    s().setSpeed('max');
    const before = s().cursor;
    for (let i = 0; i < 4; i++) {
      clock.animationFrame(16);
      await flush();
    }
    expect(s().cursor - before).toBeGreaterThan(1000);
    expect(seen.length).toBeLessThanOrEqual(66);
    s().pause();
  });

  it('stops playing at the end of the run', async () => {
    // A host whose run "ends" at step 5.
    const { s, clock } = setup(() => {
      const host = createEngineHost();
      return {
        handle(req) {
          const res = host.handle(req);
          if (res.type === 'frame' || res.type === 'opened') return { ...res, ended: res.frame.step >= 5 };
          return res;
        },
      };
    });
    await s().load(DEFAULT);
    s().setSpeed(4);
    s().play();
    for (let i = 0; i < 10; i++) {
      clock.tick(250);
      await flush();
    }
    expect([s().cursor, s().ended, s().playing]).toEqual([5, true, false]);
    s().play();
    expect(s().playing).toBe(false);
  });

  it('intervenes only while paused; marks keep their reference while unchanged', async () => {
    const { s, store, clock } = setup();
    await s().load(DEFAULT);
    await s().seek(300);
    const marks = s().marks;
    await s().seek(100);
    expect(s().marks).toBe(marks);
    const seenMarks: unknown[] = [];
    store.subscribe(selectMarks, (m) => seenMarks.push(m));

    s().play();
    expect(await s().intervene({ action: 'compact' })).toBe(false);
    s().pause();
    clock.tick(1000);
    await flush();
    const at = s().cursor;
    expect(await s().intervene({ action: 'compact' })).toBe(true);
    expect(s().cursor).toBe(at);
    expect(s().known).toBe(at);
    expect(s().marks.at(-1)).toMatchObject({ step: at, kind: 'intervention' });
    expect(seenMarks).toHaveLength(1);
    expect(
      await s().intervene({ action: 'delete', target: { kind: 'Foo', namespace: 'x', name: 'B@d' } }),
    ).toBe(false);
    expect(s().error).not.toBeNull();
    expect(await s().exportScenario()).toContain('action: compact');
    const recs = await s().fetchRecords(at, at);
    expect(recs?.records.every((r) => r.step === at)).toBe(true);
    const hist = await s().fetchHistory('default/frontend', at);
    expect(hist?.records.length).toBeGreaterThan(0);
  });

  it('restart after a fatal error returns to the same step, digest and interventions', async () => {
    const hosts: { failNext: boolean }[] = [];
    const { s } = setup(() => {
      const host = createEngineHost();
      const flag = { failNext: false };
      hosts.push(flag);
      return {
        handle(req): Response {
          if (flag.failNext)
            return { id: req.id, type: 'error', message: 'simulated', details: [], fatal: true };
          return host.handle(req);
        },
      };
    });
    await s().load(DEFAULT, 5);
    await s().seek(100);
    await s().intervene({ action: 'watchError', code: 410 });
    await s().seek(160);
    const digest = s().frame!.digest;

    hosts[0]!.failNext = true;
    await s().stepForward();
    expect(s().fatal).toBe('simulated');
    expect(s().cursor).toBe(160);

    await s().restart();
    expect(hosts).toHaveLength(2);
    expect([s().fatal, s().cursor, s().frame!.digest, s().scenario?.seed]).toEqual([null, 160, digest, 5]);
    expect(s().marks.some((m) => m.kind === 'intervention' && m.step === 100)).toBe(true);
  });

  it('opens a session in one request: its interventions at their steps, landing on its step, like doing them by hand', async () => {
    const byHand = setup();
    await byHand.s().load(DEFAULT, 3);
    await byHand.s().seek(80);
    await byHand.s().intervene({ action: 'compact' });
    await byHand.s().seek(150);
    await byHand.s().intervene({ action: 'failReconciles', count: 2 });
    await byHand.s().seek(260);
    const want = byHand.s().frame!.digest;
    expect(byHand.s().interventions.map((i) => i.step)).toEqual([80, 150]);
    expect([byHand.s().source, byHand.s().seedOverride]).toEqual([DEFAULT, 3]);

    const linked = setup();
    const session = { source: DEFAULT, seed: 3, interventions: byHand.s().interventions, step: 260 };
    expect(await linked.s().open(session)).toBe(true);
    expect(linked.seen).toEqual([260]);
    expect([linked.s().source, linked.s().seedOverride]).toEqual([DEFAULT, 3]);
    expect(linked.s().cursor).toBe(260);
    expect(linked.s().frame!.digest).toBe(want);
    expect(linked.s().interventions).toEqual(byHand.s().interventions);
    expect(
      linked
        .s()
        .marks.filter((m) => m.kind === 'intervention')
        .map((m) => m.step),
    ).toEqual([80, 150]);

    // A load forgets them; a session with a refused intervention is refused whole and says why.
    await linked.s().load(DEFAULT);
    expect(linked.s().interventions).toEqual([]);
    await linked.s().seek(30);
    const bad = { action: 'delete', target: { kind: 'Foo', namespace: 'x', name: 'B@d' } } as const;
    expect(
      await linked.s().open({ source: DEFAULT, interventions: [{ step: 10, action: bad }], step: 40 }),
    ).toBe(false);
    expect(linked.s().error).not.toBeNull();
    expect([linked.s().interventions, linked.s().cursor]).toEqual([[], 30]);
  });

  it("a step beyond one request's compute budget is reached by asking again", async () => {
    const { s, seen } = setup(() => createEngineHost({ computePerRequest: 50, computePerOpen: 150 }));
    const session = {
      source: DEFAULT,
      interventions: [{ step: 120, action: { action: 'compact' } }],
      step: 230,
    };
    expect(await s().open(session as Session)).toBe(true);
    expect([s().cursor, s().interventions[0]?.step]).toEqual([230, 120]);
    // The open computed 150 steps; two seeks of 50 then reached step 230.
    expect(seen).toEqual([150, 200, 230]);
  });

  it('seekTimeAtOrBefore shows the last step whose time is ≤ t, step 0 before the first step, asking again past one budget', async () => {
    const { s } = setup(() => createEngineHost({ computePerRequest: 40 }));
    await s().load(DEFAULT);
    // The naive table of step times, from a host that computes 400 steps in one trace window.
    const ref = createEngineHost();
    ref.handle({ id: 1, type: 'open', session: { source: DEFAULT, interventions: [], step: 0 } });
    const tr = ref.handle({ id: 2, type: 'trace', from: 1, to: 400 });
    if (tr.type !== 'trace' || tr.to !== 400) throw new Error('the reference trace is short');
    const times = new Map<number, number>();
    for (const x of tr.records) times.set(x.step, x.time);
    const lastAtOrBefore = (t: number): number => {
      let n = 0;
      while (times.has(n + 1) && times.get(n + 1)! <= t) n++;
      return n;
    };
    const first = times.get(1)!;
    expect(await s().seekTimeAtOrBefore(first - 1)).toBe(true);
    expect(s().cursor).toBe(0);
    // Far beyond the 40 steps one request computes: the store asks until it gets there.
    const far = times.get(300)!;
    expect(await s().seekTimeAtOrBefore(far)).toBe(true);
    expect(s().cursor).toBe(lastAtOrBefore(far));
    expect(s().cursor).toBeGreaterThanOrEqual(300);
    const mid = times.get(120)!;
    expect(await s().seekTimeAtOrBefore(mid)).toBe(true);
    expect(s().cursor).toBe(lastAtOrBefore(mid));
    expect(await s().seekTimeAtOrBefore(first)).toBe(true);
    expect(s().cursor).toBe(lastAtOrBefore(first));
  });

  it('fault buttons pause first, then intervene at the step on screen', async () => {
    const { s, clock } = setup();
    await s().load(DEFAULT);
    s().setSpeed(10);
    s().play();
    for (let i = 0; i < 5; i++) {
      clock.tick(100);
      await flush();
    }
    expect(s().playing).toBe(true);
    expect(await s().interveneNow({ action: 'closeWatch' })).toBe(true);
    const at = s().cursor;
    expect(s().playing).toBe(false);
    expect(s().interventions).toEqual([{ step: at, action: { action: 'closeWatch' } }]);
    clock.tick(1000);
    await flush();
    expect(s().cursor).toBe(at);
  });

  it('playing stops before a stop point, at every speed; stepping goes on past it', async () => {
    const { s, clock, seen } = setup();
    await s().load(DEFAULT);
    s().setStopPoints([12, 5, 0, 5]);
    s().setSpeed(10);
    s().play();
    for (let i = 0; i < 20; i++) {
      clock.tick(100);
      await flush();
    }
    expect([s().cursor, s().playing]).toEqual([4, false]);
    s().play(); // still in front of it
    await flush();
    expect([s().cursor, s().playing]).toEqual([4, false]);
    await s().stepForward();
    await s().stepForward();
    expect(s().cursor).toBe(6);
    seen.length = 0;
    s().setSpeed('max');
    s().play();
    for (let i = 0; i < 5; i++) {
      clock.animationFrame(16);
      await flush();
    }
    expect([s().cursor, s().playing, Math.max(...seen)]).toEqual([11, false, 11]);
    s().setStopPoints([]);
    s().play();
    clock.animationFrame(16);
    await flush();
    expect(s().cursor).toBeGreaterThan(11);
    s().pause();
  });

  it('keeps the panel mode and notices (one per id)', () => {
    const { s } = setup();
    expect(s().mode).toBe('lesson');
    s().setMode('sandbox');
    s().pushNotice({ id: 'a', tone: 'error', key: 'k1' });
    s().pushNotice({ id: 'b', tone: 'info', key: 'k2' });
    s().pushNotice({ id: 'a', tone: 'warning', key: 'k3' });
    expect(s().notices.map((n) => `${n.id}:${n.key}`)).toEqual(['b:k2', 'a:k3']);
    s().dismissNotice('b');
    s().dismissNotice('zzz');
    expect([s().mode, s().notices.map((n) => n.id)]).toEqual(['sandbox', ['a']]);
  });

  it('holds UI state and notifies selector subscribers', async () => {
    const { s, store } = setup();
    const cursors: number[] = [];
    store.subscribe(selectCursor, (c) => cursors.push(c));
    await s().load(DEFAULT);
    await s().seek(7);
    expect(cursors).toEqual([7]);
    s().select('default/a');
    s().setTheme('dark');
    s().setHelpOpen(true);
    expect([s().selectedKey, s().theme, s().helpOpen]).toEqual(['default/a', 'dark', true]);
    s().dispose();
  });
});
