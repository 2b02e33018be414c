/**
 * Windowing for long lists and tables (fixed row height): from the scroll position, which rows to
 * render and how much blank space stands in for the rest. Pure, so the math is tested in Node.
 */

export interface WindowInput {
  /** Rows in the whole list. */
  readonly count: number;
  /** Height of every row, px (> 0). */
  readonly rowHeight: number;
  /** Height of the visible area, px. */
  readonly viewportHeight: number;
  /** The scroll container's scrollTop, px, measured from the first row (subtract any header). */
  readonly scrollTop: number;
  /** Extra rows rendered above and below the visible ones (default 4). */
  readonly overscan?: number;
}

export interface WindowSlice {
  /** First rendered row (inclusive). */
  readonly start: number;
  /** End of the rendered rows (exclusive); `end - start` rows are rendered. */
  readonly end: number;
  /** Blank space before the first rendered row, px. */
  readonly padTop: number;
  /** Blank space after the last rendered row, px. */
  readonly padBottom: number;
  /** Height of the whole list, px. */
  readonly totalHeight: number;
}

export function computeWindow(input: WindowInput): WindowSlice {
  const count = Math.max(0, Math.trunc(input.count));
  const rowHeight = input.rowHeight > 0 ? input.rowHeight : 1;
  const overscan = Math.max(0, Math.trunc(input.overscan ?? 4));
  const totalHeight = count * rowHeight;
  const viewport = Math.max(0, input.viewportHeight);
  const maxScroll = Math.max(0, totalHeight - viewport);
  const scrollTop = Math.min(Math.max(0, Number.isFinite(input.scrollTop) ? input.scrollTop : 0), maxScroll);
  const first = Math.floor(scrollTop / rowHeight);
  const last = Math.ceil((scrollTop + viewport) / rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, last + overscan));
  return {
    start,
    end,
    padTop: start * rowHeight,
    padBottom: (count - end) * rowHeight,
    totalHeight,
  };
}

/**
 * The scrollTop that brings row `index` fully into view with the least movement (unchanged when it
 * is visible already). Used to follow a selected row or the newest log line.
 */
export function scrollTopToReveal(
  index: number,
  rowHeight: number,
  viewportHeight: number,
  scrollTop: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** True when the list is scrolled to (within one row of) its end: a log then follows new rows. */
export function isAtEnd(
  scrollTop: number,
  viewportHeight: number,
  totalHeight: number,
  slack: number,
): boolean {
  return scrollTop + viewportHeight >= totalHeight - slack;
}
