/**
 * A semantic table that renders only its visible rows (fixed row height): blank spacer rows stand in
 * for the rest, so 10,000 rows cost what 20 do. The header stays visible while the body scrolls.
 */
import type { CSSProperties, ReactNode } from 'react';
import { useWindow } from './use-window';

export interface Column<T> {
  readonly id: string;
  readonly header: ReactNode;
  /**
   * Width in cell ems (--cell-em: the table's body font size; the table uses a fixed layout, so widths never jump while scrolling). Columns without
   * a width share the rest, each at least AUTO_MIN_EM wide (the table scrolls sideways before that).
   */
  readonly width?: number;
  /** Hidden when the inspector is narrow (CSS container query), to leave room for keys. */
  readonly optional?: boolean;
  readonly render: (row: T, index: number) => ReactNode;
  /** Numbers are right-aligned. */
  readonly numeric?: boolean;
}

export interface WindowedTableProps<T> {
  /** The table's accessible name (a visually hidden caption). */
  readonly caption: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T, index: number) => string;
  readonly isSelected?: (row: T) => boolean;
  readonly rowClassName?: (row: T) => string | undefined;
  /** px (default 26). */
  readonly rowHeight?: number;
  /** px: the scroll area's largest height (default 264). */
  readonly maxHeight?: number;
  /** Keep showing the newest rows when rows are appended (logs). */
  readonly followEnd?: boolean;
  /** Shown instead of the table when there are no rows. */
  readonly empty: string;
  readonly testId?: string;
}

/** Height of the header row, px (sticky; rows scroll under it). */
const HEADER_HEIGHT = 26;

/** Smallest width of a column without a fixed width (keys), em. */
export const AUTO_MIN_EM = 9;

/** The table's min-width in em: fixed widths plus AUTO_MIN_EM per flexible column. */
export function tableMinWidthEm(
  columns: readonly { width?: number; optional?: boolean }[],
  withOptional: boolean,
): number {
  let em = 0;
  for (const c of columns) if (withOptional || c.optional !== true) em += c.width ?? AUTO_MIN_EM;
  return em;
}

function cellClass(c: { numeric?: boolean; optional?: boolean }): string | undefined {
  const cls = `${c.numeric === true ? 'is-num' : ''}${c.optional === true ? ' c-opt' : ''}`.trim();
  return cls === '' ? undefined : cls;
}

export function WindowedTable<T>(props: WindowedTableProps<T>): ReactNode {
  const { caption, columns, rows, rowKey, isSelected, rowClassName, empty, testId } = props;
  const rowHeight = props.rowHeight ?? 26;
  const maxHeight = props.maxHeight ?? 264;
  const { ref, slice, onScroll } = useWindow({
    count: rows.length,
    rowHeight,
    viewportHeight: maxHeight,
    headerHeight: HEADER_HEIGHT,
    followEnd: props.followEnd === true,
  });
  if (rows.length === 0)
    return (
      <p className="insp-empty" data-testid={testId}>
        {empty}
      </p>
    );
  const visible = rows.slice(slice.start, slice.end);
  return (
    // A scrollable region must be reachable by keyboard to scroll it, so it is a labelled, focusable
    // region (<section> with a name).
    <section
      className="insp-table-wrap"
      ref={ref}
      onScroll={onScroll}
      style={{ maxHeight }}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the region (axe scrollable-region-focusable).
      tabIndex={0}
      aria-label={caption}
      data-testid={testId}
    >
      <table
        className="insp-table"
        aria-rowcount={rows.length + 1}
        style={
          {
            '--min-all': `calc(${tableMinWidthEm(columns, true)} * var(--cell-em))`,
            '--min-core': `calc(${tableMinWidthEm(columns, false)} * var(--cell-em))`,
          } as CSSProperties
        }
      >
        <caption className="insp-sr-only">{caption}</caption>
        <thead>
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                className={cellClass(c)}
                style={c.width === undefined ? undefined : { width: `calc(${c.width} * var(--cell-em))` }}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slice.padTop > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a blank, unfocusable spacer row standing in for rows not rendered.
            <tr aria-hidden="true" className="insp-spacer" style={{ height: slice.padTop }}>
              <td />
            </tr>
          )}
          {visible.map((row, i) => {
            const index = slice.start + i;
            const selected = isSelected?.(row) === true;
            const extra = rowClassName?.(row);
            const cls = [selected ? 'is-selected' : '', extra ?? ''].filter((s) => s !== '').join(' ');
            return (
              <tr
                key={rowKey(row, index)}
                aria-rowindex={index + 2}
                className={cls === '' ? undefined : cls}
                style={{ height: rowHeight }}
              >
                {columns.map((c) => (
                  <td key={c.id} className={cellClass(c)}>
                    {c.render(row, index)}
                  </td>
                ))}
              </tr>
            );
          })}
          {slice.padBottom > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a blank, unfocusable spacer row standing in for rows not rendered.
            <tr aria-hidden="true" className="insp-spacer" style={{ height: slice.padBottom }}>
              <td />
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
