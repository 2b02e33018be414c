import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EN } from '../i18n';
import { distanceToOutline, type Point, pointAt, polyline, rectsOverlap } from './geometry';
import { arrowPath, findArrow, wrapLabel } from './layout';
import { ARROWS, CAPTIONS, type FigureArrowId, REF_LINKS } from './layout-arrows';
import { BOX_IDS, BOXES, DIVIDER_Y, VIEW_H, VIEW_W } from './layout-boxes';

const FIGURE_LABELS: Record<string, string> = {
  '1': '1) List & Watch',
  '2': '2) Add Object',
  '3': '3) Pop Object',
  '4': '4) Add Object',
  '5': '5) Store Object & Key',
  '6': '6) Dispatch Event Handler functions (Send Object to Custom Controller)',
  '7': '7) Enqueue Object Key',
  '8': '8) Get Key',
  '9': '9) Get Object for Key',
};

describe('layout: arrows of the figure', () => {
  it('has arrows 1–9 for the Foo lane with the figure’s exact labels', () => {
    for (const [id, label] of Object.entries(FIGURE_LABELS)) {
      const a = findArrow(id as FigureArrowId, 'Foo');
      expect(a.id).toBe(id);
      expect(a.lane === 'Foo' || a.lane === null).toBe(true);
      expect(a.labelKey).not.toBeNull();
      expect(EN[a.labelKey!]).toBe(label);
      expect(a.label).not.toBeNull();
      expect(a.label?.short ?? false).toBe(false);
    }
  });

  it('has its own arrows 1–6 for the Deployment lane', () => {
    for (const id of ['1', '2', '3', '4', '5', '6'] as const) {
      const d = findArrow(id, 'Deployment');
      const f = findArrow(id, 'Foo');
      expect(d.lane).toBe('Deployment');
      expect(d).not.toBe(f);
      expect(EN[d.labelKey!]).toBe(FIGURE_LABELS[id]);
      expect(arrowPath(id, 'Deployment').d).not.toBe(arrowPath(id, 'Foo').d);
    }
  });

  it('connects the boxes the figure connects', () => {
    const ends = (id: FigureArrowId, lane: 'Foo' | 'Deployment') => {
      const a = findArrow(id, lane);
      return `${a.from} → ${a.to}`;
    };
    expect(ends('1', 'Foo')).toBe('reflector-Foo → api');
    expect(ends('2', 'Foo')).toBe('reflector-Foo → fifo-Foo');
    expect(ends('3', 'Foo')).toBe('fifo-Foo → informer-Foo');
    expect(ends('4', 'Foo')).toBe('informer-Foo → indexer-Foo');
    expect(ends('5', 'Foo')).toBe('indexer-Foo → storeRow-Foo');
    expect(ends('6', 'Foo')).toBe('informer-Foo → handlersRef-Foo');
    expect(ends('7', 'Foo')).toBe('handlers → workqueue');
    expect(ends('8', 'Foo')).toBe('workqueue → processItem');
    expect(ends('9', 'Foo')).toBe('handleObject → indexerRef-Foo');
    expect(ends('process', 'Foo')).toBe('processItem → handleObject');
    expect(ends('write', 'Foo')).toBe('handleObject → api');
    expect(ends('watch-event', 'Foo')).toBe('api → reflector-Foo');
    expect(ends('resync', 'Foo')).toBe('indexer-Foo → fifo-Foo');
    expect(ends('requeue', 'Foo')).toBe('processItem → workqueue');
    expect(ends('1', 'Deployment')).toBe('reflector-Deployment → api');
    expect(ends('5', 'Deployment')).toBe('indexer-Deployment → storeRow-Deployment');
    expect(ends('9', 'Deployment')).toBe('handleObject → indexerRef-Deployment');
  });

  it('starts and ends every arrow on the outline of its boxes', () => {
    for (const a of ARROWS) {
      const first = a.points[0]!;
      const last = a.points[a.points.length - 1]!;
      const from = BOXES[a.from];
      const to = BOXES[a.to];
      expect(distanceToOutline(from.shape, from.rect, first), `${a.id}:${a.lane} start`).toBeLessThan(1);
      expect(distanceToOutline(to.shape, to.rect, last), `${a.id}:${a.lane} end`).toBeLessThan(1);
      const path = arrowPath(a.id, a.lane);
      expect(path.at(0).x).toBeCloseTo(first.x, 6);
      expect(path.at(0).y).toBeCloseTo(first.y, 6);
      expect(path.at(1).x).toBeCloseTo(last.x, 6);
      expect(path.at(1).y).toBeCloseTo(last.y, 6);
      expect(path.d.startsWith('M')).toBe(true);
      expect(path.length).toBeGreaterThan(15);
    }
  });

  it('keeps client-go above the dotted line and the controller below it', () => {
    const below = new Set<string>([
      'handlers',
      'informerRef',
      'indexerRef-Foo',
      'indexerRef-Deployment',
      'workqueue',
      'processItem',
      'handleObject',
      'clients',
      'clientBuckets',
      'workers',
    ]);
    const above = BOX_IDS.filter((id) => !below.has(id));
    expect(above).toContain('store');
    expect(above).toContain('api');
    for (const id of above) expect(BOXES[id].rect.y + BOXES[id].rect.h, id).toBeLessThan(DIVIDER_Y);
    for (const id of below) expect(BOXES[id as keyof typeof BOXES].rect.y, id).toBeGreaterThan(DIVIDER_Y);
  });
});

describe('layout: boxes', () => {
  it('lets no two boxes overlap and keeps parts inside their parent', () => {
    const top = BOX_IDS.filter((id) => BOXES[id].parent === null);
    for (let i = 0; i < top.length; i++)
      for (let j = i + 1; j < top.length; j++) {
        const a = BOXES[top[i]!];
        const b = BOXES[top[j]!];
        expect(rectsOverlap(a.rect, b.rect), `${a.id} overlaps ${b.id}`).toBe(false);
      }
    for (const id of BOX_IDS) {
      const b = BOXES[id];
      if (b.parent === null) continue;
      const p = BOXES[b.parent].rect;
      expect(b.rect.x >= p.x && b.rect.y >= p.y, id).toBe(true);
      expect(b.rect.x + b.rect.w <= p.x + p.w && b.rect.y + b.rect.h <= p.y + p.h, id).toBe(true);
    }
  });

  it('keeps boxes, arrows and captions inside the viewBox', () => {
    for (const id of BOX_IDS) {
      const r = BOXES[id].rect;
      expect(r.x >= 0 && r.y >= 0 && r.x + r.w <= VIEW_W && r.y + r.h <= VIEW_H, id).toBe(true);
    }
    for (const a of ARROWS)
      for (const q of a.points) expect(q.x >= 0 && q.x <= VIEW_W && q.y >= 0 && q.y <= VIEW_H).toBe(true);
    for (const c of CAPTIONS) expect(c.x >= 0 && c.x <= VIEW_W && c.y > 0 && c.y <= VIEW_H, c.key).toBe(true);
  });

  it('links each reference to its component with a vertical dotted line', () => {
    expect(REF_LINKS.map((l) => `${l.from}-${l.to}`).sort()).toEqual(
      [
        'handlersRef-Deployment-handlers',
        'handlersRef-Foo-handlers',
        'indexer-Deployment-indexerRef-Deployment',
        'indexer-Foo-indexerRef-Foo',
        'informer-Foo-informerRef',
      ].sort(),
    );
    for (const l of REF_LINKS) {
      const [a, b] = [l.points[0]!, l.points[l.points.length - 1]!];
      expect(a.x).toBe(b.x);
      expect(a.y).toBeLessThan(DIVIDER_Y);
      expect(b.y).toBeGreaterThan(DIVIDER_Y);
      expect(distanceToOutline(BOXES[l.from].shape, BOXES[l.from].rect, a)).toBeLessThan(1);
      expect(distanceToOutline(BOXES[l.to].shape, BOXES[l.to].rect, b)).toBeLessThan(1);
    }
  });

  it('has a name in the string table for every named box and caption', () => {
    for (const id of BOX_IDS) {
      const k = BOXES[id].nameKey;
      if (k !== null) expect(EN[k], k).toBeTypeOf('string');
    }
    for (const c of CAPTIONS) expect(EN[c.key], c.key).toBeTypeOf('string');
  });
});

describe('wrapLabel', () => {
  it('wraps arrow 6 the way the figure does', () => {
    expect(wrapLabel(EN['diagram.arrow.6']!, 36)).toEqual([
      '6) Dispatch Event Handler functions',
      '(Send Object to Custom Controller)',
    ]);
    expect(wrapLabel('5) Store Object & Key', 8)).toEqual(['5) Store', 'Object &', 'Key']);
  });
  it('keeps long words whole and cuts text without spaces', () => {
    expect(wrapLabel('a verylongword b', 4)).toEqual(['a', 'verylongword', 'b']);
    expect(wrapLabel('分发事件处理函数', 3)).toEqual(['分发事', '件处理', '函数']);
    expect(wrapLabel('', 5)).toEqual([]);
  });
});

describe('pointAt on polylines', () => {
  const pt = fc.record({ x: fc.integer({ min: 0, max: 1000 }), y: fc.integer({ min: 0, max: 1000 }) });
  it('walks the path at constant speed (against a naive sampler)', () => {
    fc.assert(
      fc.property(
        fc.array(pt, { minLength: 2, maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pts, t) => {
          const pl = polyline(pts);
          const q = pointAt(pl, t);
          if (pl.length === 0) {
            expect(q.x).toBe(pts[0]!.x);
            return;
          }
          // Naive: walk the segments and stop at t·length.
          let rest = t * pl.length;
          let expected: Point = pts[pts.length - 1]!;
          for (let i = 1; i < pts.length; i++) {
            const a = pts[i - 1]!;
            const b = pts[i]!;
            const len = Math.hypot(b.x - a.x, b.y - a.y);
            if (len === 0) continue;
            if (rest <= len) {
              expected = { x: a.x + ((b.x - a.x) * rest) / len, y: a.y + ((b.y - a.y) * rest) / len };
              break;
            }
            rest -= len;
          }
          expect(q.x).toBeCloseTo(expected.x, 6);
          expect(q.y).toBeCloseTo(expected.y, 6);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
  it('gives the direction of travel and clamps t', () => {
    const pl = polyline([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
    ]);
    expect(pointAt(pl, 0.25)).toEqual({ x: 5, y: 0, angle: 0 });
    expect(pointAt(pl, 0.75).angle).toBeCloseTo(Math.PI / 2);
    expect(pointAt(pl, -1)).toMatchObject({ x: 0, y: 0 });
    expect(pointAt(pl, 2)).toMatchObject({ x: 10, y: 10 });
    expect(pointAt(pl, Number.NaN)).toMatchObject({ x: 0, y: 0 });
  });
});
