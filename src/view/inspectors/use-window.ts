/**
 * React glue for `computeWindow`: tracks a scroll container's scrollTop and height (ResizeObserver
 * when the browser has one) and returns the slice of rows to render.
 */
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { computeWindow, isAtEnd, type WindowSlice } from './windowing';

export interface UseWindowOptions {
  readonly count: number;
  readonly rowHeight: number;
  /** Height assumed before the container is measured, px. */
  readonly viewportHeight: number;
  /** Space above the first row inside the scroll container (a sticky header), px. */
  readonly headerHeight?: number;
  /** Keep the view at the end when rows are appended while it was at the end (logs). */
  readonly followEnd?: boolean;
}

export interface UseWindowResult {
  readonly ref: RefObject<HTMLElement | null>;
  readonly slice: WindowSlice;
  readonly onScroll: () => void;
}

export function useWindow(opts: UseWindowOptions): UseWindowResult {
  const { count, rowHeight, viewportHeight, headerHeight = 0, followEnd = false } = opts;
  const ref = useRef<HTMLElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(viewportHeight);
  const atEnd = useRef(true);
  const hasRows = count > 0;

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (el === null) return;
    setScrollTop(el.scrollTop);
    atEnd.current = isAtEnd(el.scrollTop, el.clientHeight, el.scrollHeight, rowHeight);
  }, [rowHeight]);

  // The container exists only while there are rows (an empty list renders a note instead), so the
  // observer is re-attached when rows appear.
  // biome-ignore lint/correctness/useExhaustiveDependencies: hasRows decides whether ref.current exists.
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (el.clientHeight > 0) setHeight(el.clientHeight);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [hasRows]);

  // Follow the end of a growing log when the reader was already there.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!followEnd || el === null || !atEnd.current || count === 0) return;
    el.scrollTop = el.scrollHeight;
    setScrollTop(el.scrollTop);
  }, [count, followEnd]);

  const slice = computeWindow({
    count,
    rowHeight,
    viewportHeight: height,
    scrollTop: scrollTop - headerHeight,
  });
  return { ref, slice, onScroll };
}
