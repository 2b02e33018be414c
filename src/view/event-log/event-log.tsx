/**
 * The event log: every trace record received so far, windowed (only visible rows are rendered), with
 * filters by component, lane, key and kind of record (arrow, message family), and "Export JSONL",
 * which hands the filtered records to the caller (`recordsToJsonl` makes the file's text).
 */
import { type ReactNode, useId, useMemo } from 'react';
import type { RecordView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { renderNarration } from '../../i18n/narration';
import { formatCount } from '../inspectors/format';
import { KeyButton } from '../inspectors/parts';
import { WindowedTable } from '../inspectors/windowed-table';
import { arrowLabel } from '../narration/narration-panel';
import {
  ARROWS,
  COMPONENTS,
  EMPTY_FILTER,
  type EventLogFilter,
  filterRecords,
  isFilterEmpty,
  messageFamilies,
  parseArrow,
} from './filter';
import { recordLeadColumns } from './record-columns';
import './event-log.css';

export interface EventLogProps {
  readonly records: readonly RecordView[];
  readonly onSelectKey: (key: string) => void;
  readonly filter: EventLogFilter;
  readonly onFilterChange: (filter: EventLogFilter) => void;
  /** Called with the records that pass the filter; the caller writes the file (see recordsToJsonl). */
  readonly onExport: (records: readonly RecordView[]) => void;
  readonly selectedKey?: string | null;
  /** Rows of this step are marked as the step on screen. */
  readonly currentStep?: number;
  /** Largest height of the scrolling list, px (default 320). */
  readonly height?: number;
}

const ROW_HEIGHT = 26;

export function EventLog(props: EventLogProps): ReactNode {
  const { records, onSelectKey, filter, onFilterChange, onExport, currentStep } = props;
  const selectedKey = props.selectedKey ?? null;
  const id = useId();
  const shown = useMemo(() => filterRecords(records, filter), [records, filter]);
  const families = useMemo(() => messageFamilies(records), [records]);
  const set = (patch: Partial<EventLogFilter>): void => onFilterChange({ ...filter, ...patch });
  return (
    // A group, not a region: the scrollable table inside is the region named "Event log" (one name,
    // one landmark: axe landmark-unique).
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> would be wrong here; this groups output, not form controls.
    <div role="group" className="elog" aria-labelledby={`${id}-h`} data-testid="event-log">
      <header className="elog-head">
        <h3 id={`${id}-h`} className="elog-title">
          {t('inspectors.log.title')}
        </h3>
        <span className="elog-count" aria-live="off">
          {isFilterEmpty(filter)
            ? t('inspectors.log.count', { total: formatCount(records.length) })
            : t('inspectors.log.countFiltered', {
                shown: formatCount(shown.length),
                total: formatCount(records.length),
              })}
        </span>
        <button type="button" className="elog-export" onClick={() => onExport(shown)}>
          {t('inspectors.log.export')}
        </button>
      </header>
      <fieldset className="elog-filters">
        <legend className="insp-sr-only">{t('inspectors.log.filters')}</legend>
        <label>
          <span>{t('inspectors.log.component')}</span>
          <select
            value={filter.component ?? ''}
            onChange={(e) =>
              set({
                component: e.target.value === '' ? null : (e.target.value as EventLogFilter['component']),
              })
            }
          >
            <option value="">{t('inspectors.log.all')}</option>
            {COMPONENTS.map((c) => (
              <option key={c} value={c}>
                {t(`inspectors.component.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('inspectors.log.lane')}</span>
          <select
            value={filter.lane ?? ''}
            onChange={(e) =>
              set({ lane: e.target.value === '' ? null : (e.target.value as 'Foo' | 'Deployment') })
            }
          >
            <option value="">{t('inspectors.log.all')}</option>
            <option value="Foo">Foo</option>
            <option value="Deployment">Deployment</option>
          </select>
        </label>
        <label>
          <span>{t('inspectors.log.key')}</span>
          <input
            type="search"
            value={filter.key}
            placeholder={t('inspectors.log.keyPlaceholder')}
            onChange={(e) => set({ key: e.target.value })}
          />
        </label>
        <label>
          <span>{t('inspectors.log.arrow')}</span>
          <select
            value={filter.arrow === null ? '' : String(filter.arrow)}
            onChange={(e) => set({ arrow: parseArrow(e.target.value) })}
          >
            <option value="">{t('inspectors.log.all')}</option>
            {ARROWS.map((a) => (
              <option key={String(a)} value={String(a)}>
                {arrowLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('inspectors.log.message')}</span>
          <select value={filter.message} onChange={(e) => set({ message: e.target.value })}>
            <option value="">{t('inspectors.log.all')}</option>
            {families.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="elog-clear"
          disabled={isFilterEmpty(filter)}
          onClick={() => onFilterChange(EMPTY_FILTER)}
        >
          {t('inspectors.log.clear')}
        </button>
      </fieldset>
      <WindowedTable<RecordView>
        caption={t('inspectors.log.title')}
        rows={shown}
        rowKey={(r, i) => `${r.step}:${i}`}
        isSelected={(r) => selectedKey !== null && (r.key === selectedKey || r.object?.key === selectedKey)}
        rowClassName={(r) => (r.step === currentStep ? 'is-current' : undefined)}
        rowHeight={ROW_HEIGHT}
        maxHeight={props.height ?? 320}
        followEnd
        empty={records.length === 0 ? t('inspectors.log.empty') : t('inspectors.log.noMatch')}
        testId="event-log-rows"
        columns={[
          ...recordLeadColumns(),
          {
            id: 'key',
            header: t('inspectors.col.key'),
            width: 11,
            render: (r) =>
              r.key === null ? (
                <span className="insp-dim">—</span>
              ) : (
                <KeyButton keyName={r.key} selected={r.key === selectedKey} onSelect={onSelectKey} />
              ),
          },
          {
            id: 'msg',
            header: t('inspectors.col.message'),
            render: (r) => {
              const text = renderNarration(r);
              return (
                <span className="elog-msg" title={`${r.message}: ${text}`}>
                  {r.tombstone && (
                    <span className="elog-tomb" title="DeletedFinalStateUnknown">
                      †{' '}
                    </span>
                  )}
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
