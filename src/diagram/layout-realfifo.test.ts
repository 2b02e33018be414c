// The modern FIFO's layout (layout-realfifo.ts; spec F1–F7): one cell per entry in stream order, a wide
// ReplacedAll, "+N" counted from the FIFO's full length, every cell covered once and nothing outside
// the box; the batch note's lines; and the modern marks kept clear of the figure's boxes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RealFifoEntryView } from '../engine/model/frame';
import { rectsOverlap } from './geometry';
import { BOX_IDS, BOXES, CELLS, LANES, type LaneId } from './layout-boxes';
import {
  BATCH_NOTE,
  batchNoteLines,
  layoutRealFifo,
  MODERN_MARKS,
  type RealFifoSlot,
  replacedAllKeysLine,
} from './layout-realfifo';

const obj = (type: 'Added' | 'Updated' | 'Deleted', key: string, rv: string): RealFifoEntryView => ({
  type,
  key,
  rv,
  tombstone: false,
});
const all = (n: number, rv = '9'): RealFifoEntryView => ({
  type: 'ReplacedAll',
  key: null,
  rv,
  tombstone: false,
  objects: n,
  keys: Array.from({ length: Math.min(n, 8) }, (_, i) => `default/k${i}`),
});
const sync: RealFifoEntryView = { type: 'SyncAll', key: null, rv: null, tombstone: false };
const bookmark: RealFifoEntryView = { type: 'Bookmark', key: null, rv: '12', tombstone: false };

const entryArb = fc.oneof(
  fc.record({
    type: fc.constantFrom('Added' as const, 'Updated' as const, 'Deleted' as const),
    key: fc.constantFrom('default/a', 'default/b', 'default/c'),
    rv: fc.integer({ min: 1, max: 99 }).map(String),
    tombstone: fc.boolean(),
  }),
  fc.integer({ min: 0, max: 20 }).map((n) => all(n)),
  fc.constant(sync),
  fc.constant(bookmark),
);

function cellsOf(lane: LaneId): number {
  return lane === 'Foo' ? CELLS.fifoFoo : CELLS.fifoDeployment;
}

/** The area the slots cover, in cells (slot rects are whole cells of the box). */
function coveredCells(lane: LaneId, slots: readonly RealFifoSlot[]): number {
  const b = BOXES[`fifo-${lane}`].rect;
  const cell = lane === 'Foo' ? b.h / cellsOf(lane) : b.w / cellsOf(lane);
  return slots.reduce((n, s) => n + Math.round((lane === 'Foo' ? s.rect.h : s.rect.w) / cell), 0);
}

describe('layoutRealFifo (F1: one entry per event, in stream order)', () => {
  it('gives a key one cell per event: the same key may fill several cells', () => {
    const slots = layoutRealFifo(
      'Foo',
      [obj('Added', 'default/a', '1'), obj('Updated', 'default/a', '2')],
      2,
    );
    expect(slots.map((s) => s.kind)).toEqual(['entry', 'entry', 'empty', 'empty']);
    expect(slots.filter((s) => s.kind === 'entry').map((s) => (s.kind === 'entry' ? s.index : -1))).toEqual([
      0, 1,
    ]);
  });

  it('F3: draws a ReplacedAll as one wide entry of two cells, and as one cell when only one is left', () => {
    const first = layoutRealFifo('Foo', [all(3)], 1);
    expect(first[0]).toMatchObject({ kind: 'entry', index: 0, span: 2 });
    expect(first[0]!.rect.h).toBeCloseTo((2 * BOXES['fifo-Foo'].rect.h) / CELLS.fifoFoo);
    const compact = layoutRealFifo('Deployment', [all(2)], 1);
    expect(compact[0]).toMatchObject({ kind: 'entry', span: 2 });
    expect(compact[0]!.rect.w).toBeCloseTo((2 * BOXES['fifo-Deployment'].rect.w) / CELLS.fifoDeployment);
    // Three object entries first: the ReplacedAll is the fourth, in the last cell alone.
    const late = layoutRealFifo(
      'Foo',
      [
        obj('Added', 'default/a', '1'),
        obj('Added', 'default/b', '2'),
        obj('Added', 'default/c', '3'),
        all(5),
      ],
      4,
    );
    expect(late[3]).toMatchObject({ kind: 'entry', index: 3, span: 1 });
  });

  it('says "+N" in the last cell, counting every entry not drawn from the FIFO’s full length', () => {
    const entries = Array.from({ length: 10 }, (_, i) => obj('Updated', 'default/a', String(i + 1)));
    const slots = layoutRealFifo('Foo', entries, 250);
    expect(slots.map((s) => s.kind)).toEqual(['entry', 'entry', 'entry', 'more']);
    expect(slots[3]).toMatchObject({ kind: 'more', count: 247 });
    const compact = layoutRealFifo('Deployment', [all(4), sync, bookmark], 3);
    // The ReplacedAll would take two cells and leave one: with "+N" needed, it fits in two, then "+2".
    expect(compact.map((s) => s.kind)).toEqual(['entry', 'more']);
    expect(compact[1]).toMatchObject({ count: 2 });
  });

  it('covers every cell of the box once, inside the box, with no two slots overlapping (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANES),
        fc.array(entryArb, { maxLength: 12 }),
        fc.integer({ min: 0, max: 50 }),
        (lane, entries, extra) => {
          const length = entries.length + (entries.length === 12 ? extra : 0);
          const slots = layoutRealFifo(lane, entries, length);
          const box = BOXES[`fifo-${lane}`].rect;
          expect(coveredCells(lane, slots)).toBe(cellsOf(lane));
          for (const s of slots) {
            expect(s.rect.x).toBeGreaterThanOrEqual(box.x - 1e-9);
            expect(s.rect.y).toBeGreaterThanOrEqual(box.y - 1e-9);
            expect(s.rect.x + s.rect.w).toBeLessThanOrEqual(box.x + box.w + 1e-9);
            expect(s.rect.y + s.rect.h).toBeLessThanOrEqual(box.y + box.h + 1e-9);
          }
          for (let i = 0; i < slots.length; i++)
            for (let j = i + 1; j < slots.length; j++) {
              const a = slots[i]!.rect;
              const b = slots[j]!.rect;
              const inset = { x: a.x + 0.5, y: a.y + 0.5, w: a.w - 1, h: a.h - 1 };
              expect(rectsOverlap(inset, b), `${i} ${j}`).toBe(false);
            }
          // Entries drawn are a prefix of the stream, in order; "+N" accounts for all the rest.
          const drawn = slots.flatMap((s) => (s.kind === 'entry' ? [s.index] : []));
          expect(drawn).toEqual(drawn.map((_, i) => i));
          const more = slots.find((s) => s.kind === 'more');
          expect(drawn.length + (more?.kind === 'more' ? more.count : 0)).toBe(
            Math.max(length, entries.length),
          );
        },
      ),
      { seed: 12, numRuns: 400 },
    );
  });
});

describe('replacedAllKeysLine', () => {
  it('lists the keys that fit and marks the rest with ",…"', () => {
    expect(replacedAllKeysLine(['default/a', 'default/b'], 2, 13)).toBe('a, b');
    expect(replacedAllKeysLine(['default/backend', 'default/frontend'], 3, 13)).toBe('backend,…');
    expect(replacedAllKeysLine([], 0, 13)).toBe('');
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 8 }),
        (keys) => {
          expect(replacedAllKeysLine(keys, keys.length + 1, 13).length).toBeLessThanOrEqual(13);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});

describe('batchNoteLines', () => {
  it('heads each lane’s keys and counts what does not fit in BATCH_NOTE.maxLines', () => {
    expect(batchNoteLines({ Foo: null, Deployment: ['default/a', 'default/b'] })).toEqual([
      { kind: 'head', lane: 'Deployment' },
      { kind: 'key', key: 'default/a' },
      { kind: 'key', key: 'default/b' },
    ]);
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.boolean(), (nf, nd, both) => {
        const keys = (n: number, p: string) => Array.from({ length: n }, (_, i) => `default/${p}${i}`);
        const lines = batchNoteLines({ Foo: both ? keys(nf, 'f') : null, Deployment: keys(nd, 'd') });
        expect(lines.length).toBeLessThanOrEqual(BATCH_NOTE.maxLines);
        const told = lines.reduce((n, l) => n + (l.kind === 'key' ? 1 : l.kind === 'more' ? l.count : 0), 0);
        expect(told).toBe((both ? nf : 0) + nd);
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});

describe('the modern marks', () => {
  it('sit inside the figure and outside every box (an estimate of their text at 14 px)', () => {
    const boxes = BOX_IDS.filter((id) => BOXES[id].parent === null && id !== 'store').map((id) => BOXES[id]);
    const widest = { lock: 'locked · 99 waiting', indexerRv: 'RV 123456', stream: 'watch-list stream · 999' };
    for (const lane of LANES) {
      const m = MODERN_MARKS[lane];
      const marks = [
        { name: 'indexerRv', at: m.indexerRv, text: widest.indexerRv, anchor: 'start' },
        {
          name: 'stream',
          at: m.stream,
          text: lane === 'Foo' ? widest.stream : 'watch-list · 999',
          anchor: 'start',
        },
        ...(lane === 'Foo' ? [{ name: 'lock', at: m.lock, text: widest.lock, anchor: m.lock.anchor }] : []),
      ];
      for (const mk of marks) {
        const w = mk.text.length * 14 * 0.56;
        const x = mk.anchor === 'middle' ? mk.at.x - w / 2 : mk.at.x;
        const r = { x, y: mk.at.y - 12, w, h: 15 };
        for (const b of boxes) expect(rectsOverlap(r, b.rect), `${lane} ${mk.name} over ${b.id}`).toBe(false);
      }
    }
  });
});
