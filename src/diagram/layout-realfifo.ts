/**
 * Where the modern FIFO's entries go (settings.era modern, client-go v0.36.3's RealFIFO, spec F1–F7):
 * pure layout over the FIFO box of layout-boxes.ts, so tests check it in Node.
 *
 * The RealFIFO keeps one entry per event in stream order (a key may appear several times), where the
 * classic DeltaFIFO keeps one cell per key. The box keeps its classic cells (4 stacked in the Foo lane,
 * 3 side by side in the compact Deployment lane) and fills them in pop order:
 * - an object delta (Added, Updated, Deleted) takes one cell;
 * - a `ReplacedAll` is one wide entry of two cells (when two are left), holding its objects: the count,
 *   and in the Foo lane the first keys on a second line;
 * - `SyncAll` and `Bookmark` take one cell each, drawn as words, not as objects;
 * - when more entries wait than fit, the last cell says "+N" (N: every entry not drawn, counted from the
 *   FIFO's full length, not only the entries the frame carries).
 */
import type { RealFifoEntryView } from '../engine/model/frame';
import { shortKey } from './format';
import type { Rect } from './geometry';
import { BOXES, CELLS, type LaneId } from './layout-boxes';

export type RealFifoSlot =
  | {
      readonly kind: 'entry';
      /** The entry's index in the frame's `modern.entries` (pop order). */
      readonly index: number;
      readonly rect: Rect;
      /** Cells it spans (2 for a wide ReplacedAll). */
      readonly span: number;
    }
  | { readonly kind: 'more'; readonly count: number; readonly rect: Rect }
  | { readonly kind: 'empty'; readonly rect: Rect };

/** How many cells an entry wants: a ReplacedAll is wide when two cells are left. */
function spanOf(e: RealFifoEntryView, left: number): number {
  return e.type === 'ReplacedAll' && left >= 2 ? 2 : 1;
}

/** Cells [start, start+span) of a lane's FIFO box as one rectangle. */
export function realFifoCellRect(lane: LaneId, start: number, span: number): Rect {
  const b = BOXES[`fifo-${lane}`].rect;
  const n = lane === 'Foo' ? CELLS.fifoFoo : CELLS.fifoDeployment;
  return lane === 'Foo'
    ? { x: b.x, y: b.y + (start * b.h) / n, w: b.w, h: (span * b.h) / n }
    : { x: b.x + (start * b.w) / n, y: b.y, w: (span * b.w) / n, h: b.h };
}

/** Places entries into `cells` cells from the head; returns the slots and how many entries were placed. */
function place(
  lane: LaneId,
  entries: readonly RealFifoEntryView[],
  cells: number,
): { slots: RealFifoSlot[]; placed: number; used: number } {
  const slots: RealFifoSlot[] = [];
  let used = 0;
  let placed = 0;
  for (let i = 0; i < entries.length && used < cells; i++) {
    const span = spanOf(entries[i]!, cells - used);
    slots.push({ kind: 'entry', index: i, rect: realFifoCellRect(lane, used, span), span });
    used += span;
    placed++;
  }
  return { slots, placed, used };
}

/**
 * The slots of a lane's RealFIFO box: `entries` are the frame's entries in pop order (the first `limit`),
 * `length` the FIFO's full length. Every cell of the box is covered exactly once.
 */
export function layoutRealFifo(
  lane: LaneId,
  entries: readonly RealFifoEntryView[],
  length: number,
): RealFifoSlot[] {
  const n = lane === 'Foo' ? CELLS.fifoFoo : CELLS.fifoDeployment;
  const total = Math.max(length, entries.length);
  let out = place(lane, entries, n);
  if (out.placed < total) {
    // Not everything fits: keep the last cell for "+N".
    out = place(lane, entries, n - 1);
    out.slots.push({ kind: 'more', count: total - out.placed, rect: realFifoCellRect(lane, n - 1, 1) });
    out.used = n;
  }
  for (let c = out.used; c < n; c++) out.slots.push({ kind: 'empty', rect: realFifoCellRect(lane, c, 1) });
  return out.slots;
}

/** The one-letter type mark of an object delta in a cell (Added, Updated, Deleted). */
export function deltaMark(type: RealFifoEntryView['type']): string {
  return type === 'Added' ? 'A' : type === 'Updated' ? 'U' : type === 'Deleted' ? 'D' : '';
}

/**
 * A ReplacedAll's keys as one line of at most `max` characters: the short names joined by ", ", cut
 * with "…" when they do not all fit (the count is drawn beside it, so nothing is lost).
 */
export function replacedAllKeysLine(keys: readonly string[], objects: number, max: number): string {
  if (objects === 0 || keys.length === 0) return '';
  const names = keys.map((k) => shortKey(k, max));
  for (let i = names.length; i >= 1; i--) {
    const line = `${names.slice(0, i).join(', ')}${i < objects ? ',…' : ''}`;
    if (line.length <= max) return line;
  }
  return `${shortKey(keys[0]!, max - 1)}…`;
}

/** Where the modern extras of a lane go: the lock note, the processing note, the indexer's RV, arrow 1's tag. */
export const MODERN_MARKS: Readonly<
  Record<
    LaneId,
    {
      readonly lock: { x: number; y: number; anchor: 'start' | 'middle' };
      readonly processing: { x: number; y: number; anchor: 'end' | 'middle' } | null;
      readonly indexerRv: { x: number; y: number };
      readonly stream: { x: number; y: number };
    }
  >
> = {
  Foo: {
    lock: { x: 494, y: 196, anchor: 'start' },
    processing: { x: 384, y: 318, anchor: 'end' },
    indexerRv: { x: 744, y: 380 },
    stream: { x: 478, y: 110 },
  },
  Deployment: {
    lock: { x: 629, y: 442, anchor: 'middle' },
    processing: null,
    indexerRv: { x: 896, y: 467 },
    stream: { x: 552, y: 499 },
  },
};

/** The batch note left of the Resource Event Handlers box: which keys the current batches hold. */
export const BATCH_NOTE = { x: 142, y: 612, lineHeight: 17, maxLines: 5, maxChars: 17 } as const;

/** One line of the batch note: a lane's heading, one of its keys, or how many keys are left out. */
export type BatchNoteLine =
  | { readonly kind: 'head'; readonly lane: LaneId }
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'more'; readonly count: number };

/**
 * The batch note's lines for the lanes whose take is a batch (`keys` per lane, null when that lane
 * processes no batch): each lane's heading and keys, within BATCH_NOTE.maxLines, the keys that do not
 * fit counted on a "+N" line.
 */
export function batchNoteLines(keys: Readonly<Record<LaneId, readonly string[] | null>>): BatchNoteLine[] {
  const lanes = (['Foo', 'Deployment'] as const).filter((l) => keys[l] !== null);
  const out: BatchNoteLine[] = [];
  lanes.forEach((lane, li) => {
    const ks = keys[lane]!;
    // Lines this lane may use: an even share of what is left, the last lane taking the rest.
    const budget = Math.floor((BATCH_NOTE.maxLines - out.length) / (lanes.length - li));
    out.push({ kind: 'head', lane });
    const room = budget - 1;
    if (ks.length <= room) for (const k of ks) out.push({ kind: 'key', key: k });
    else {
      for (const k of ks.slice(0, Math.max(0, room - 1))) out.push({ kind: 'key', key: k });
      out.push({ kind: 'more', count: ks.length - Math.max(0, room - 1) });
    }
  });
  return out;
}
