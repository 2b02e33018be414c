/**
 * The figure's layout functions over the tables of layout-boxes.ts and layout-arrows.ts: which arrow an
 * id and lane name, an arrow's path and the point at fraction t along it (pure, DOM-free, so tests check
 * them in Node), and the figure's word wrap for labels.
 */
import { line } from 'd3';
import { type PathPoint, type Point, pointAt, polyline } from './geometry';
import { ARROWS, type ArrowDef, type FigureArrowId } from './layout-arrows';
import type { LaneId } from './layout-boxes';

/** A stable string for an arrow instance, e.g. "5:Foo", "write". */
export function arrowKey(id: FigureArrowId, lane: LaneId | null): string {
  const def = findArrow(id, lane);
  return def.lane === null ? def.id : `${def.id}:${def.lane}`;
}

/**
 * The arrow instance for an id and lane: per-lane arrows use the lane's own (falling back to the Foo
 * lane's where the compact lane has none, e.g. `9h`); controller arrows ignore the lane.
 */
export function findArrow(id: FigureArrowId, lane: LaneId | null): ArrowDef {
  let fallback: ArrowDef | undefined;
  for (const a of ARROWS) {
    if (a.id !== id) continue;
    if (a.lane === null || a.lane === (lane ?? 'Foo')) return a;
    if (a.lane === 'Foo') fallback = a;
  }
  if (fallback === undefined) throw new Error(`no arrow ${id}`);
  return fallback;
}

export interface ArrowPath {
  /** SVG path data (d3-shape line through the arrow's points). */
  readonly d: string;
  readonly length: number;
  /** The point at fraction t (0 = start, 1 = tip) with the direction of travel. */
  at(t: number): PathPoint;
}

const lineGen = line<Point>()
  .x((q) => Math.round(q.x * 10) / 10)
  .y((q) => Math.round(q.y * 10) / 10);

const pathCache = new Map<string, ArrowPath>();

/** Geometry of an arrow: its path data and the point at fraction t along it (pure, DOM-free). */
export function arrowPath(id: FigureArrowId, lane: LaneId | null): ArrowPath {
  const def = findArrow(id, lane);
  const key = def.lane === null ? def.id : `${def.id}:${def.lane}`;
  const hit = pathCache.get(key);
  if (hit !== undefined) return hit;
  const pl = polyline(def.points);
  const made: ArrowPath = {
    d: lineGen(def.points as Point[]) ?? '',
    length: pl.length,
    at: (t) => pointAt(pl, t),
  };
  pathCache.set(key, made);
  return made;
}

/**
 * Greedy word wrap on spaces (the figure wraps its labels the same way). A word longer than `width`
 * stays whole on its own line; text without spaces (e.g. Chinese) is cut every `width` characters.
 */
export function wrapLabel(text: string, width: number): string[] {
  const w = Math.max(1, Math.trunc(width));
  if (!text.includes(' ') && text.length > w && /[^\x20-\x7e]/.test(text)) {
    const out: string[] = [];
    for (let i = 0; i < text.length; i += w) out.push(text.slice(i, i + w));
    return out;
  }
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter((s) => s.length > 0)) {
    if (cur === '') cur = word;
    else if (cur.length + 1 + word.length <= w) cur = `${cur} ${word}`;
    else {
      lines.push(cur);
      cur = word;
    }
  }
  if (cur !== '') lines.push(cur);
  return lines;
}
