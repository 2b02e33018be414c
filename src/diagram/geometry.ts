/**
 * Plane geometry for the figure, pure and DOM-free so it runs in Node tests: points, boxes, polylines
 * and "the point at fraction t along a polyline" (tokens ride arrows with it). SVG's own
 * getPointAtLength needs a live DOM; this does the same for the straight-segment paths the layout uses.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A point on a path with the direction of travel there (radians, 0 = east, y grows downwards). */
export interface PathPoint extends Point {
  readonly angle: number;
}

export type BoxShape = 'circle' | 'rect' | 'rounded' | 'hexagon' | 'hatched' | 'cells-v' | 'cells-h';

/** An axis-aligned box; circles and hexagons are described by their bounding box. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function rectCenter(r: Rect): Point {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Vertices of a hexagon with pointed left and right ends (as in the figure's "Kubernetes API"). */
export function hexagonPoints(r: Rect): Point[] {
  const q = r.w / 4;
  return [
    { x: r.x, y: r.y + r.h / 2 },
    { x: r.x + q, y: r.y },
    { x: r.x + r.w - q, y: r.y },
    { x: r.x + r.w, y: r.y + r.h / 2 },
    { x: r.x + r.w - q, y: r.y + r.h },
    { x: r.x + q, y: r.y + r.h },
  ];
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + u * dx), p.y - (a.y + u * dy));
}

/** Distance from a point to the outline of a box of the given shape. */
export function distanceToOutline(shape: BoxShape, r: Rect, p: Point): number {
  if (shape === 'circle') {
    const c = rectCenter(r);
    return Math.abs(Math.hypot(p.x - c.x, p.y - c.y) - r.w / 2);
  }
  const pts =
    shape === 'hexagon'
      ? hexagonPoints(r)
      : [
          { x: r.x, y: r.y },
          { x: r.x + r.w, y: r.y },
          { x: r.x + r.w, y: r.y + r.h },
          { x: r.x, y: r.y + r.h },
        ];
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < pts.length; i++) {
    best = Math.min(best, segmentDistance(p, pts[i]!, pts[(i + 1) % pts.length]!));
  }
  return best;
}

/** A polyline with its cumulative lengths, ready for `pointAt`. */
export interface Polyline {
  readonly points: readonly Point[];
  /** cumulative[i] = length from points[0] to points[i]. */
  readonly cumulative: readonly number[];
  readonly length: number;
}

export function polyline(points: readonly Point[]): Polyline {
  if (points.length < 2) throw new Error('a polyline needs at least two points');
  const cumulative = [0];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
    cumulative.push(total);
  }
  return { points, cumulative, length: total };
}

/**
 * The point at fraction t (clamped to [0, 1]) of the polyline's length, with the angle of the segment
 * it lies on. Zero-length segments are skipped so the angle is always that of a real segment.
 */
export function pointAt(pl: Polyline, t: number): PathPoint {
  const tt = Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
  const target = tt * pl.length;
  const pts = pl.points;
  const cum = pl.cumulative;
  // The first real (non-zero-length) segment that ends at or after the target, else the last real one.
  let j = -1;
  for (let i = 1; i < pts.length; i++) {
    if (cum[i]! > cum[i - 1]!) {
      j = i;
      if (cum[i]! >= target) break;
    }
  }
  if (j === -1) return { x: pts[0]!.x, y: pts[0]!.y, angle: 0 };
  const a = pts[j - 1]!;
  const b = pts[j]!;
  const u = Math.max(0, Math.min(1, (target - cum[j - 1]!) / (cum[j]! - cum[j - 1]!)));
  return { x: a.x + u * (b.x - a.x), y: a.y + u * (b.y - a.y), angle: Math.atan2(b.y - a.y, b.x - a.x) };
}

/** Midpoint of a polyline (for "+N" counts and labels). */
export function midpoint(pl: Polyline): PathPoint {
  return pointAt(pl, 0.5);
}
