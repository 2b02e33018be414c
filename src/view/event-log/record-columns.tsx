/** The columns every list of trace records starts with (event log, key history): step, time, where, arrow. */
import type { RecordView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { componentLabel } from '../../i18n/narration';
import { formatClock } from '../inspectors/format';
import { KindLabel } from '../inspectors/parts';
import type { Column } from '../inspectors/windowed-table';
import { arrowLabel } from '../narration/narration-panel';

export function recordLeadColumns(): Column<RecordView>[] {
  return [
    {
      id: 'step',
      header: t('inspectors.col.step'),
      width: 4.2,
      numeric: true,
      render: (r) => r.step,
    },
    {
      id: 'time',
      header: t('inspectors.col.time'),
      width: 7,
      render: (r) => formatClock(r.time),
    },
    {
      id: 'where',
      header: t('inspectors.col.component'),
      width: 8.5,
      render: (r) => (
        <span className="insp-where">
          {r.lane !== null && <KindLabel kind={r.lane} short />}
          {componentLabel(r.component, r.message)}
        </span>
      ),
    },
    {
      id: 'arrow',
      header: t('inspectors.col.arrow'),
      width: 7.4,
      render: (r) => (
        <span className="elog-arrow" title={arrowLabel(r.arrow)}>
          {typeof r.arrow === 'number' ? `(${r.arrow})` : r.arrow}
        </span>
      ),
    },
  ];
}
