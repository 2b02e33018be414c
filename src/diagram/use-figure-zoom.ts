/**
 * Pan and zoom for the figure: the one place that uses d3-selection and d3-zoom (GUIDE habit 6). d3
 * owns the gesture maths; React owns the SVG: the hook only reports a transform ({k, x, y} in viewBox
 * units) that the figure applies to its viewport group. Plain wheel scrolling is left to the page;
 * Ctrl/⌘ + wheel (and trackpad pinch) zooms, drag pans, double-click does nothing.
 */
import { select, type ZoomBehavior, zoom, zoomIdentity } from 'd3';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { fitWidthTransform, type ZoomTransform } from './format';
import { VIEW_H, VIEW_W } from './layout-boxes';

export interface FigureZoom {
  /** The current transform, to apply as `translate(x,y) scale(k)` on the viewport group. */
  readonly transform: ZoomTransform;
  readonly zoomIn: () => void;
  readonly zoomOut: () => void;
  /** Back to the whole figure (identity). */
  readonly reset: () => void;
  /** Scale so the figure fills the element's width (pan vertically to see the rest). */
  readonly fitWidth: () => void;
}

export const MIN_SCALE = 0.5;
export const MAX_SCALE = 6;
const STEP = 1.3;

const IDENTITY: ZoomTransform = { k: 1, x: 0, y: 0 };

export function useFigureZoom(svgRef: RefObject<SVGSVGElement | null>): FigureZoom {
  const [transform, setTransform] = useState<ZoomTransform>(IDENTITY);
  const behavior = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (svg === null) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      .filter((event: Event) => {
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        const m = event as MouseEvent;
        return !m.ctrlKey && !m.button;
      })
      .on('zoom', (e: { transform: { k: number; x: number; y: number } }) => {
        setTransform({ k: e.transform.k, x: e.transform.x, y: e.transform.y });
      });
    const sel = select(svg);
    sel.call(z).on('dblclick.zoom', null);
    behavior.current = z;
    return () => {
      sel.on('.zoom', null);
      behavior.current = null;
    };
  }, [svgRef]);

  const apply = useCallback(
    (fn: (z: ZoomBehavior<SVGSVGElement, unknown>, svg: SVGSVGElement) => void) => {
      const svg = svgRef.current;
      const z = behavior.current;
      if (svg !== null && z !== null) fn(z, svg);
    },
    [svgRef],
  );

  const zoomIn = useCallback(() => apply((z, svg) => z.scaleBy(select(svg), STEP)), [apply]);
  const zoomOut = useCallback(() => apply((z, svg) => z.scaleBy(select(svg), 1 / STEP)), [apply]);
  const reset = useCallback(() => apply((z, svg) => z.transform(select(svg), zoomIdentity)), [apply]);
  const fitWidth = useCallback(
    () =>
      apply((z, svg) => {
        const f = fitWidthTransform(svg.clientWidth, svg.clientHeight, VIEW_W, VIEW_H);
        z.transform(select(svg), zoomIdentity.translate(f.x, f.y).scale(f.k));
      }),
    [apply],
  );

  return { transform, zoomIn, zoomOut, reset, fitWidth };
}
