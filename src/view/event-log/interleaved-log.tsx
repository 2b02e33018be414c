/**
 * The event log's interleaved mode (issue 13): both sides' records in one list by virtual time, with a
 * Side column (L / R), the same lead columns as the event log (step, time, component, arrow) and the
 * narrated message. Props-driven: the compare view fetches each side's records and merges them
 * (./interleave.ts).
 */
import { type ReactNode, useId, useMemo } from 'react';
import type { Side } from '../../compare/types';
import type { RecordView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { renderNarration } from '../../i18n/narration';
import { formatCount } from '../inspectors/format';
import { type Column, WindowedTable } from '../inspectors/windowed-table';
import { interleaveByTime, type SidedRecord } from './interleave';
import { recordLeadColumns } from './record-columns';
import './event-log.css';

export interface InterleavedLogProps {
  readonly left: readonly RecordView[];
  readonly right: readonly RecordView[];
  /** Each side's step on screen: its rows at that step are marked current. */
  readonly currentSteps: Readonly<Record<Side, number | null>>;
  readonly loading?: boolean;
  readonly height?: number;
}

const ROW_HEIGHT = 26;

/** The lead columns, read through a sided row. */
function sidedLeadColumns(): Column<SidedRecord>[] {
  return recordLeadColumns().map((c) => ({
    ...c,
    render: (row: SidedRecord, i: number) => c.render(row.record, i),
  }));
}

export function InterleavedLog({
  left,
  right,
  currentSteps,
  loading = false,
  height,
}: InterleavedLogProps): ReactNode {
  const id = useId();
  const rows = useMemo(() => interleaveByTime(left, right), [left, right]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> would be wrong here; this groups output, not form controls.
    <div role="group" className="elog elog-both" aria-labelledby={`${id}-h`} data-testid="event-log-both">
      <header className="elog-head">
        <h3 id={`${id}-h`} className="elog-title">
          {t('compare.log.title')}
        </h3>
        <span className="elog-count" aria-live="off">
          {t('compare.log.count', { left: formatCount(left.length), right: formatCount(right.length) })}
        </span>
      </header>
      <WindowedTable<SidedRecord>
        caption={t('compare.log.title')}
        rows={rows}
        rowKey={(r, i) => `${r.side}:${r.record.step}:${i}`}
        rowClassName={(r) =>
          `elog-side-${r.side}${r.record.step === currentSteps[r.side] ? ' is-current' : ''}`
        }
        rowHeight={ROW_HEIGHT}
        maxHeight={height ?? 360}
        followEnd
        empty={loading ? t('compare.log.loading') : t('compare.log.empty')}
        testId="event-log-both-rows"
        columns={[
          {
            id: 'side',
            header: t('compare.log.side'),
            width: 4.2,
            render: (r) => (
              <span className={`elog-side is-${r.side}`} title={t(`compare.side.${r.side}`)}>
                {t(`compare.side.short.${r.side}`)}
              </span>
            ),
          },
          ...sidedLeadColumns(),
          {
            id: 'key',
            header: t('inspectors.col.key'),
            width: 11,
            render: (r) => (r.record.key === null ? <span className="insp-dim">—</span> : r.record.key),
          },
          {
            id: 'msg',
            header: t('inspectors.col.message'),
            render: (r) => {
              const text = renderNarration(r.record);
              return (
                <span className="elog-msg" title={`${r.record.message}: ${text}`}>
                  {text}
                </span>
              );
            },
          },
        ]}
      />
    </div>
  );
}
