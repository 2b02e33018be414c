/**
 * Keeps `--app-header-h` on the page root equal to the header's height (it wraps on narrow screens and
 * in longer languages), so that the stage of shell.css can take exactly the rest of the viewport: the
 * whole figure and the transport on one screen. A ResizeObserver writes the style property; nothing
 * re-renders.
 */
import { type RefObject, useLayoutEffect } from 'react';

export function useHeaderHeight(
  root: RefObject<HTMLElement | null>,
  header: RefObject<HTMLElement | null>,
): void {
  useLayoutEffect(() => {
    const r = root.current;
    const h = header.current;
    if (r === null || h === null) return;
    const apply = (): void => {
      r.style.setProperty('--app-header-h', `${Math.ceil(h.getBoundingClientRect().height)}px`);
    };
    apply();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(apply);
    ro.observe(h);
    return () => ro.disconnect();
  }, [root, header]);
}
