/**
 * The figure's boxes: a data table of every box of the classic client-go figure at a fixed position in
 * one viewBox (kubernetes/sample-controller, docs/controller-client-go.md; spec §8), plus the viewBox
 * size and the lanes. layout-arrows.ts draws the arrows between these boxes; layout.ts has the functions
 * over both tables.
 *
 * What the original figure leaves out is added here: a "kubectl" client for the scenario's own writes,
 * the client write path's Clients box with its REST clients' token buckets under it, and a second,
 * compact informer lane for Deployments along the
 * bottom of the client-go half. Each informer keeps its own thread-safe store; the figure's one "Thread
 * safe store" with a row of squares and a row of triangles is drawn as the Foo informer's row and the
 * Deployment informer's row.
 */
import type { BoxShape, Rect } from './geometry';

export const VIEW_W = 1210;
export const VIEW_H = 880;
/** The dotted line between "client-go" (above) and "Custom Controller" (below). */
export const DIVIDER_Y = 540;

export type LaneId = 'Foo' | 'Deployment';
export const LANES: readonly LaneId[] = ['Foo', 'Deployment'];

export type BoxId =
  | 'api'
  | 'kubectl'
  | 'reflector-Foo'
  | 'fifo-Foo'
  | 'informer-Foo'
  | 'indexer-Foo'
  | 'handlersRef-Foo'
  | 'reflector-Deployment'
  | 'fifo-Deployment'
  | 'informer-Deployment'
  | 'indexer-Deployment'
  | 'handlersRef-Deployment'
  | 'store'
  | 'storeRow-Foo'
  | 'storeRow-Deployment'
  | 'handlers'
  | 'informerRef'
  | 'indexerRef-Foo'
  | 'indexerRef-Deployment'
  | 'workqueue'
  | 'processItem'
  | 'handleObject'
  | 'clients'
  | 'clientBuckets'
  | 'workers';

export interface BoxDef {
  readonly id: BoxId;
  readonly shape: BoxShape;
  readonly rect: Rect;
  /** i18n key of the box's name (drawn inside or beside it), if any. */
  readonly nameKey: string | null;
  /** Set for parts drawn inside another box (excluded from the no-overlap rule). */
  readonly parent: BoxId | null;
}

function circle(cx: number, cy: number, r: number): Rect {
  return { x: cx - r, y: cy - r, w: 2 * r, h: 2 * r };
}

const R = 40; // Foo lane circles
const r = 30; // compact Deployment lane circles (wide enough for their names at the figure's 14 px floor)

const BOX_LIST: readonly BoxDef[] = [
  {
    id: 'api',
    shape: 'hexagon',
    rect: { x: 979, y: 23, w: 132, h: 114 },
    nameKey: 'diagram.box.api',
    parent: null,
  },
  {
    id: 'kubectl',
    shape: 'rounded',
    rect: { x: 828, y: 18, w: 64, h: 24 },
    nameKey: 'diagram.box.kubectl',
    parent: null,
  },
  // Foo lane, as the figure.
  {
    id: 'reflector-Foo',
    shape: 'circle',
    rect: circle(430, 80, R),
    nameKey: 'diagram.box.reflector',
    parent: null,
  },
  {
    id: 'fifo-Foo',
    shape: 'cells-v',
    rect: { x: 375, y: 150, w: 110, h: 112 },
    nameKey: 'diagram.box.deltaFifo',
    parent: null,
  },
  {
    id: 'informer-Foo',
    shape: 'circle',
    rect: circle(430, 330, R),
    nameKey: 'diagram.box.informer',
    parent: null,
  },
  {
    id: 'indexer-Foo',
    shape: 'circle',
    rect: circle(700, 330, R),
    nameKey: 'diagram.box.indexer',
    parent: null,
  },
  {
    id: 'handlersRef-Foo',
    shape: 'hatched',
    rect: { x: 180, y: 349, w: 60, h: 26 },
    nameKey: 'diagram.box.handlersRef',
    parent: null,
  },
  {
    id: 'store',
    shape: 'rect',
    rect: { x: 820, y: 215, w: 320, h: 215 },
    nameKey: 'diagram.box.store',
    parent: null,
  },
  {
    id: 'storeRow-Foo',
    shape: 'cells-h',
    rect: { x: 852, y: 250, w: 272, h: 52 },
    nameKey: null,
    parent: 'store',
  },
  {
    id: 'storeRow-Deployment',
    shape: 'cells-h',
    rect: { x: 852, y: 336, w: 272, h: 52 },
    nameKey: null,
    parent: 'store',
  },
  // Deployment lane: one compact row just above the dotted line.
  {
    id: 'reflector-Deployment',
    shape: 'circle',
    rect: circle(520, 462, r),
    nameKey: 'diagram.box.reflector',
    parent: null,
  },
  {
    id: 'fifo-Deployment',
    shape: 'cells-h',
    rect: { x: 578, y: 448, w: 102, h: 28 },
    nameKey: 'diagram.box.deltaFifo',
    parent: null,
  },
  {
    id: 'informer-Deployment',
    shape: 'circle',
    rect: circle(740, 462, r),
    nameKey: 'diagram.box.informer',
    parent: null,
  },
  {
    id: 'indexer-Deployment',
    shape: 'circle',
    rect: circle(860, 462, r),
    nameKey: 'diagram.box.indexer',
    parent: null,
  },
  {
    id: 'handlersRef-Deployment',
    shape: 'hatched',
    rect: { x: 240, y: 450, w: 50, h: 24 },
    nameKey: 'diagram.box.handlersRef',
    parent: null,
  },
  // Custom controller.
  {
    id: 'handlers',
    shape: 'rounded',
    rect: { x: 150, y: 596, w: 130, h: 96 },
    nameKey: 'diagram.box.handlers',
    parent: null,
  },
  {
    id: 'informerRef',
    shape: 'hatched',
    rect: { x: 400, y: 610, w: 60, h: 26 },
    nameKey: 'diagram.box.informerRef',
    parent: null,
  },
  {
    id: 'indexerRef-Foo',
    shape: 'hatched',
    rect: { x: 670, y: 610, w: 60, h: 26 },
    nameKey: 'diagram.box.indexerRef',
    parent: null,
  },
  {
    id: 'indexerRef-Deployment',
    shape: 'hatched',
    rect: { x: 835, y: 610, w: 50, h: 26 },
    nameKey: 'diagram.box.indexerRef',
    parent: null,
  },
  {
    id: 'workqueue',
    shape: 'cells-h',
    rect: { x: 300, y: 710, w: 248, h: 44 },
    nameKey: 'diagram.box.workqueue',
    parent: null,
  },
  {
    id: 'processItem',
    shape: 'rounded',
    rect: { x: 640, y: 700, w: 90, h: 64 },
    nameKey: 'diagram.box.processItem',
    parent: null,
  },
  {
    id: 'handleObject',
    shape: 'rounded',
    rect: { x: 790, y: 700, w: 90, h: 64 },
    nameKey: 'diagram.box.handleObject',
    parent: null,
  },
  {
    id: 'clients',
    shape: 'rounded',
    rect: { x: 960, y: 712, w: 110, h: 40 },
    nameKey: 'diagram.box.clients',
    parent: null,
  },
  // The REST clients' token buckets (K1–K7), one row each, under the Clients box.
  {
    id: 'clientBuckets',
    shape: 'rect',
    rect: { x: 1010, y: 762, w: 194, h: 108 },
    nameKey: null,
    parent: null,
  },
  { id: 'workers', shape: 'rect', rect: { x: 700, y: 780, w: 300, h: 84 }, nameKey: null, parent: null },
];

export const BOXES: Readonly<Record<BoxId, BoxDef>> = Object.fromEntries(
  BOX_LIST.map((b) => [b.id, b]),
) as Record<BoxId, BoxDef>;
export const BOX_IDS: readonly BoxId[] = BOX_LIST.map((b) => b.id);

/** Cell counts of the cell boxes (the last cell turns into "+N" when more items wait). */
export const CELLS = { fifoFoo: 4, fifoDeployment: 3, storeRow: 4, workqueue: 4 } as const;
