/**
 * The figure's arrows, dotted reference lines and captions: a data table, with each arrow's end points
 * computed from the boxes of layout-boxes.ts so arrows touch their outlines exactly. The figure's 1–9
 * keep its exact labels; what the original leaves out is added: the watch-event path (API → Reflector),
 * resync (Indexer → DeltaFIFO, dashed), requeue (Process Item → Workqueue: Done / Forget /
 * AddRateLimited), the client write path (Handle Object → Clients → API), kubectl's writes and a
 * handler's lister lookup (Resource Event Handlers → Indexer reference).
 */
import type { Point } from './geometry';
import { BOXES, type BoxId, type LaneId, VIEW_W } from './layout-boxes';

// ---- Points on outlines, computed from the boxes so arrows touch them exactly ----

/** x where a horizontal line at y meets a circle box, on its left or right side. */
function circleX(id: BoxId, y: number, side: 'left' | 'right'): number {
  const b = BOXES[id].rect;
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const rr = b.w / 2;
  const dx = Math.sqrt(Math.max(0, rr * rr - (y - cy) * (y - cy)));
  return side === 'left' ? cx - dx : cx + dx;
}

/** y where a vertical line at x meets a circle box, on its top or bottom. */
function circleY(id: BoxId, x: number, side: 'top' | 'bottom'): number {
  const b = BOXES[id].rect;
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const rr = b.w / 2;
  const dy = Math.sqrt(Math.max(0, rr * rr - (x - cx) * (x - cx)));
  return side === 'top' ? cy - dy : cy + dy;
}

/** x where a horizontal line at y meets the API hexagon's left or right slanted edges. */
function hexX(y: number, side: 'left' | 'right'): number {
  const b = BOXES.api.rect;
  const q = b.w / 4;
  const f = Math.abs(y - (b.y + b.h / 2)) / (b.h / 2);
  return side === 'left' ? b.x + f * q : b.x + b.w - f * q;
}

function c(id: BoxId): Point {
  const b = BOXES[id].rect;
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}
function top(id: BoxId, x = c(id).x): Point {
  return { x, y: BOXES[id].rect.y };
}
function bottom(id: BoxId, x = c(id).x): Point {
  const b = BOXES[id].rect;
  return { x, y: b.y + b.h };
}
function left(id: BoxId, y = c(id).y): Point {
  return { x: BOXES[id].rect.x, y };
}
function right(id: BoxId, y = c(id).y): Point {
  const b = BOXES[id].rect;
  return { x: b.x + b.w, y };
}
function p(x: number, y: number): Point {
  return { x, y };
}

// ---- Arrows ----

/**
 * Arrow ids: the figure's 1–9, the named extras of the trace (`write`, `watch-event`, `resync`,
 * `requeue`), and three the trace does not name on its own: `process` (Process Item → Handle Object,
 * unnumbered in the figure), `kubectl` (a scenario's own write: kubectl → API) and `9h` (a handler's
 * lister lookup, arrow 9 started from Resource Event Handlers instead of Handle Object).
 */
export type FigureArrowId =
  | '1'
  | '2'
  | '3'
  | '4'
  | '5'
  | '6'
  | '7'
  | '8'
  | '9'
  | '9h'
  | 'process'
  | 'write'
  | 'kubectl'
  | 'watch-event'
  | 'resync'
  | 'requeue';

export interface LabelPlacement {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  /** Wrap width in characters (labels wrap on spaces, as the figure's do). */
  readonly wrap: number;
}

export interface ArrowDef {
  readonly id: FigureArrowId;
  /** null: the controller's arrows, shared by both lanes. */
  readonly lane: LaneId | null;
  readonly from: BoxId;
  readonly to: BoxId;
  readonly points: readonly Point[];
  /** i18n key of the arrow's label (the figure's exact text for 1–9). */
  readonly labelKey: string | null;
  /** Where the label goes; `short` draws only the number (compact lane) with the full text as title. */
  readonly label: (LabelPlacement & { readonly short?: boolean }) | null;
  readonly style: 'solid' | 'dashed';
}

const FOO_ARROWS: readonly ArrowDef[] = [
  {
    id: '1',
    lane: 'Foo',
    from: 'reflector-Foo',
    to: 'api',
    points: [p(circleX('reflector-Foo', 72, 'right'), 72), p(hexX(72, 'left'), 72)],
    labelKey: 'diagram.arrow.1',
    label: { x: 540, y: 62, anchor: 'start', wrap: 40 },
    style: 'solid',
  },
  {
    id: 'watch-event',
    lane: 'Foo',
    from: 'api',
    to: 'reflector-Foo',
    points: [p(hexX(90, 'left'), 90), p(circleX('reflector-Foo', 90, 'right'), 90)],
    labelKey: 'diagram.arrow.watchEvent',
    label: { x: 726, y: 106, anchor: 'middle', wrap: 40 },
    style: 'solid',
  },
  {
    id: '2',
    lane: 'Foo',
    from: 'reflector-Foo',
    to: 'fifo-Foo',
    points: [bottom('reflector-Foo'), top('fifo-Foo')],
    labelKey: 'diagram.arrow.2',
    label: { x: 422, y: 140, anchor: 'end', wrap: 40 },
    style: 'solid',
  },
  {
    id: '3',
    lane: 'Foo',
    from: 'fifo-Foo',
    to: 'informer-Foo',
    points: [bottom('fifo-Foo'), top('informer-Foo')],
    labelKey: 'diagram.arrow.3',
    label: { x: 422, y: 281, anchor: 'end', wrap: 40 },
    style: 'solid',
  },
  {
    id: '4',
    lane: 'Foo',
    from: 'informer-Foo',
    to: 'indexer-Foo',
    points: [right('informer-Foo'), left('indexer-Foo')],
    labelKey: 'diagram.arrow.4',
    label: { x: 565, y: 320, anchor: 'middle', wrap: 40 },
    style: 'solid',
  },
  {
    id: '5',
    lane: 'Foo',
    from: 'indexer-Foo',
    to: 'storeRow-Foo',
    points: [right('indexer-Foo'), p(800, 330), left('storeRow-Foo')],
    labelKey: 'diagram.arrow.5',
    label: { x: 748, y: 268, anchor: 'start', wrap: 8 },
    style: 'solid',
  },
  {
    id: '6',
    lane: 'Foo',
    from: 'informer-Foo',
    to: 'handlersRef-Foo',
    points: [p(circleX('informer-Foo', 362, 'left'), 362), right('handlersRef-Foo', 362)],
    labelKey: 'diagram.arrow.6',
    label: { x: 252, y: 392, anchor: 'start', wrap: 36 },
    style: 'solid',
  },
  {
    id: 'resync',
    lane: 'Foo',
    from: 'indexer-Foo',
    to: 'fifo-Foo',
    points: [top('indexer-Foo'), p(700, 232), right('fifo-Foo', 232)],
    labelKey: 'diagram.arrow.resync',
    label: { x: 592, y: 226, anchor: 'middle', wrap: 40 },
    style: 'dashed',
  },
  {
    id: '9',
    lane: 'Foo',
    from: 'handleObject',
    to: 'indexerRef-Foo',
    points: [top('handleObject', 810), p(810, 623), right('indexerRef-Foo', 623)],
    labelKey: 'diagram.arrow.9',
    label: { x: 894, y: 676, anchor: 'start', wrap: 40 },
    style: 'solid',
  },
  {
    id: '9h',
    lane: 'Foo',
    from: 'handlers',
    to: 'indexerRef-Foo',
    points: [right('handlers', 664), p(700, 664), bottom('indexerRef-Foo', 700)],
    labelKey: 'diagram.arrow.9h',
    label: { x: 480, y: 658, anchor: 'middle', wrap: 40 },
    style: 'dashed',
  },
];

const DEP_ARROWS: readonly ArrowDef[] = [
  {
    id: '1',
    lane: 'Deployment',
    from: 'reflector-Deployment',
    to: 'api',
    points: [
      p(528, circleY('reflector-Deployment', 528, 'bottom')),
      p(528, 504),
      p(1160, 504),
      p(1160, 80),
      right('api', 80),
    ],
    labelKey: 'diagram.arrow.1',
    label: { x: 536, y: 500, anchor: 'start', wrap: 40, short: true },
    style: 'solid',
  },
  {
    id: 'watch-event',
    lane: 'Deployment',
    from: 'api',
    to: 'reflector-Deployment',
    points: [
      p(hexX(100, 'right'), 100),
      p(1174, 100),
      p(1174, 516),
      p(512, 516),
      p(512, circleY('reflector-Deployment', 512, 'bottom')),
    ],
    labelKey: 'diagram.arrow.watchEvent',
    label: null,
    style: 'solid',
  },
  {
    id: '2',
    lane: 'Deployment',
    from: 'reflector-Deployment',
    to: 'fifo-Deployment',
    points: [right('reflector-Deployment'), left('fifo-Deployment')],
    labelKey: 'diagram.arrow.2',
    label: { x: 564, y: 442, anchor: 'middle', wrap: 40, short: true },
    style: 'solid',
  },
  {
    id: '3',
    lane: 'Deployment',
    from: 'fifo-Deployment',
    to: 'informer-Deployment',
    points: [right('fifo-Deployment'), left('informer-Deployment')],
    labelKey: 'diagram.arrow.3',
    label: { x: 683, y: 442, anchor: 'start', wrap: 40, short: true },
    style: 'solid',
  },
  {
    id: '4',
    lane: 'Deployment',
    from: 'informer-Deployment',
    to: 'indexer-Deployment',
    points: [right('informer-Deployment'), left('indexer-Deployment')],
    labelKey: 'diagram.arrow.4',
    label: { x: 800, y: 456, anchor: 'middle', wrap: 40, short: true },
    style: 'solid',
  },
  {
    id: '5',
    lane: 'Deployment',
    from: 'indexer-Deployment',
    to: 'storeRow-Deployment',
    points: [top('indexer-Deployment'), p(860, 410), p(884, 410), bottom('storeRow-Deployment', 884)],
    labelKey: 'diagram.arrow.5',
    label: { x: 852, y: 426, anchor: 'end', wrap: 40, short: true },
    style: 'solid',
  },
  {
    id: '6',
    lane: 'Deployment',
    from: 'informer-Deployment',
    to: 'handlersRef-Deployment',
    points: [top('informer-Deployment'), p(740, 420), p(265, 420), top('handlersRef-Deployment')],
    labelKey: 'diagram.arrow.6',
    label: { x: 272, y: 436, anchor: 'start', wrap: 40, short: true },
    style: 'solid',
  },
  {
    id: 'resync',
    lane: 'Deployment',
    from: 'indexer-Deployment',
    to: 'fifo-Deployment',
    points: [
      p(848, circleY('indexer-Deployment', 848, 'bottom')),
      p(848, 498),
      p(629, 498),
      bottom('fifo-Deployment', 629),
    ],
    labelKey: 'diagram.arrow.resync',
    label: null,
    style: 'dashed',
  },
  {
    id: '9',
    lane: 'Deployment',
    from: 'handleObject',
    to: 'indexerRef-Deployment',
    points: [top('handleObject', 860), bottom('indexerRef-Deployment', 860)],
    labelKey: 'diagram.arrow.9',
    label: { x: 866, y: 660, anchor: 'start', wrap: 40, short: true },
    style: 'solid',
  },
];

const CONTROLLER_ARROWS: readonly ArrowDef[] = [
  {
    id: '7',
    lane: null,
    from: 'handlers',
    to: 'workqueue',
    points: [bottom('handlers', 215), p(215, 732), left('workqueue')],
    labelKey: 'diagram.arrow.7',
    label: { x: 176, y: 752, anchor: 'start', wrap: 10 },
    style: 'solid',
  },
  {
    id: '8',
    lane: null,
    from: 'workqueue',
    to: 'processItem',
    points: [right('workqueue'), left('processItem', 732)],
    labelKey: 'diagram.arrow.8',
    label: { x: 553, y: 724, anchor: 'start', wrap: 40 },
    style: 'solid',
  },
  {
    id: 'process',
    lane: null,
    from: 'processItem',
    to: 'handleObject',
    points: [right('processItem'), left('handleObject')],
    labelKey: null,
    label: null,
    style: 'solid',
  },
  {
    id: 'requeue',
    lane: null,
    from: 'processItem',
    to: 'workqueue',
    points: [bottom('processItem'), p(685, 798), p(512, 798), bottom('workqueue', 512)],
    labelKey: 'diagram.arrow.requeue',
    label: { x: 567, y: 814, anchor: 'middle', wrap: 60 },
    style: 'dashed',
  },
  {
    id: 'write',
    lane: null,
    from: 'handleObject',
    to: 'api',
    points: [right('handleObject'), p(1190, 732), p(1190, 56), p(hexX(56, 'right'), 56)],
    labelKey: 'diagram.arrow.write',
    label: { x: 1076, y: 724, anchor: 'start', wrap: 40 },
    style: 'solid',
  },
  {
    id: 'kubectl',
    lane: null,
    from: 'kubectl',
    to: 'api',
    points: [right('kubectl', 30), p(hexX(30, 'left'), 30)],
    labelKey: null,
    label: null,
    style: 'solid',
  },
];

export const ARROWS: readonly ArrowDef[] = [...FOO_ARROWS, ...DEP_ARROWS, ...CONTROLLER_ARROWS];

// ---- Dotted reference lines and captions ----

export interface RefLink {
  readonly from: BoxId;
  readonly to: BoxId;
  readonly points: readonly Point[];
}

/** Dotted lines linking each reference (bottom half) to its component (top half). */
export const REF_LINKS: readonly RefLink[] = [
  { from: 'handlersRef-Foo', to: 'handlers', points: [bottom('handlersRef-Foo', 210), top('handlers', 210)] },
  {
    from: 'handlersRef-Deployment',
    to: 'handlers',
    points: [bottom('handlersRef-Deployment', 265), top('handlers', 265)],
  },
  { from: 'informer-Foo', to: 'informerRef', points: [bottom('informer-Foo'), top('informerRef')] },
  { from: 'indexer-Foo', to: 'indexerRef-Foo', points: [bottom('indexer-Foo'), top('indexerRef-Foo')] },
  {
    from: 'indexer-Deployment',
    to: 'indexerRef-Deployment',
    points: [bottom('indexer-Deployment'), top('indexerRef-Deployment')],
  },
];

export interface Caption {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly wrap: number;
  readonly cls: 'region' | 'name' | 'lane';
}

/** Captions drawn beside boxes (the figure writes these next to the shape, not inside it). */
export const CAPTIONS: readonly Caption[] = [
  { key: 'diagram.region.clientGo', x: 12, y: 28, anchor: 'start', wrap: 40, cls: 'region' },
  { key: 'diagram.region.customController', x: 12, y: 846, anchor: 'start', wrap: 10, cls: 'region' },
  { key: 'diagram.region.serverSide', x: 914, y: 160, anchor: 'start', wrap: 40, cls: 'name' },
  { key: 'diagram.box.deltaFifo', x: 494, y: 172, anchor: 'start', wrap: 10, cls: 'name' },
  { key: 'diagram.box.store', x: 988, y: 418, anchor: 'middle', wrap: 40, cls: 'name' },
  { key: 'diagram.box.handlersRef', x: 172, y: 330, anchor: 'end', wrap: 18, cls: 'name' },
  { key: 'diagram.box.informerRef', x: 394, y: 622, anchor: 'end', wrap: 9, cls: 'name' },
  { key: 'diagram.box.indexerRef', x: 664, y: 622, anchor: 'end', wrap: 8, cls: 'name' },
  { key: 'diagram.box.indexerRefDeployment', x: 892, y: 620, anchor: 'start', wrap: 18, cls: 'name' },
  { key: 'diagram.box.workqueue', x: 424, y: 772, anchor: 'middle', wrap: 40, cls: 'name' },
  { key: 'diagram.lane.Foo', x: 478, y: 30, anchor: 'start', wrap: 40, cls: 'lane' },
  { key: 'diagram.lane.Deployment', x: 300, y: 452, anchor: 'start', wrap: 40, cls: 'lane' },
];

/** The thin border of the "Kubernetes server-side" region: a closed box in the top-right corner. */
export const SERVER_CORNER: readonly Point[] = [
  p(900, 4),
  p(VIEW_W - 4, 4),
  p(VIEW_W - 4, 168),
  p(900, 168),
  p(900, 4),
];

/**
 * With 2–3 apiserver replicas (S38): their chips in a row under the API hexagon, inside the server region,
 * and the region's caption moved to its top-left corner to make room for them.
 */
export const REPLICAS_ROW = { x: 906, y: 141, w: 246, h: 24 } as const;
export const SERVER_CAPTION_HA: Point = p(906, 19);

/** Where the fidelity badge sits (top-left, under "client-go"). */
export const BADGE_AT: Point = p(12, 40);
