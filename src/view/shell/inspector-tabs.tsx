/**
 * The inspectors, one tab each (the inside of every box of the figure), with a lane switch for the
 * per-informer ones. Tabs follow the WAI-ARIA tabs pattern (arrow keys move between tabs).
 */
import { type KeyboardEvent, memo, type ReactNode, useId, useRef } from 'react';
import type { Frame, RecordView } from '../../engine/model/frame';
import type { Kind } from '../../engine/model/objects';
import { t } from '../../i18n';
import { EventLog, type EventLogFilter } from '../event-log';
import {
  ApiServerInspector,
  DeltaFifoInspector,
  HandlersInspector,
  type HistoryPoint,
  IndexerInspector,
  ReflectorInspector,
  WorkersInspector,
  WorkqueueInspector,
} from '../inspectors';
import { InspectorsOnScreen, useOnScreen } from '../inspectors/deferred';

export const TABS = [
  'apiserver',
  'reflector',
  'fifo',
  'indexer',
  'handlers',
  'workqueue',
  'workers',
  'log',
] as const;
export type TabId = (typeof TABS)[number];
const LANE_TABS: ReadonlySet<TabId> = new Set(['reflector', 'fifo', 'indexer', 'handlers']);

export interface InspectorTabsProps {
  readonly frame: Frame;
  readonly tab: TabId;
  readonly onTab: (tab: TabId) => void;
  readonly lane: Kind;
  readonly onLane: (lane: Kind) => void;
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
  readonly queueHistory: readonly HistoryPoint[];
  readonly logRecords: readonly RecordView[];
  readonly logFilter: EventLogFilter;
  readonly onLogFilter: (f: EventLogFilter) => void;
  readonly onExportLog: (records: readonly RecordView[]) => void;
}

export const InspectorTabs = memo(function InspectorTabs(p: InspectorTabsProps): ReactNode {
  const id = useId();
  const sectionRef = useRef<HTMLElement | null>(null);
  const onScreen = useOnScreen(sectionRef);
  const onKey = (e: KeyboardEvent<HTMLButtonElement>): void => {
    const i = TABS.indexOf(p.tab);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    e.stopPropagation();
    p.onTab(TABS[next]!);
    document.getElementById(`${id}-tab-${TABS[next]}`)?.focus();
  };
  return (
    <section className="inspector-tabs" aria-labelledby={`${id}-h`} ref={sectionRef}>
      <h2 id={`${id}-h`} className="visually-hidden">
        {t('shell.panels')}
      </h2>
      <div className="inspector-tabs-head">
        <div role="tablist" aria-label={t('shell.panels')} className="tablist">
          {TABS.map((tab) => (
            <button
              key={tab}
              id={`${id}-tab-${tab}`}
              type="button"
              role="tab"
              aria-selected={p.tab === tab}
              aria-controls={`${id}-panel`}
              tabIndex={p.tab === tab ? 0 : -1}
              className="tab"
              onClick={() => p.onTab(tab)}
              onKeyDown={onKey}
            >
              {/* A modern lane's FIFO is client-go's RealFIFO (its type name, the same in every language). */}
              {tab === 'fifo' && p.frame.lanes.Foo.modern !== undefined ? 'RealFIFO' : t(`shell.tab.${tab}`)}
            </button>
          ))}
        </div>
        {LANE_TABS.has(p.tab) && (
          <fieldset className="lane-switch">
            <legend className="visually-hidden">{t('shell.lane')}</legend>
            {(['Foo', 'Deployment'] as const).map((k) => (
              <label key={k} className={p.lane === k ? 'lane-option is-on' : 'lane-option'}>
                <input type="radio" name={`${id}-lane`} checked={p.lane === k} onChange={() => p.onLane(k)} />
                {t(`shell.lane.${k}`)}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${p.tab}`} className="tabpanel">
        <InspectorsOnScreen.Provider value={onScreen}>
          <TabBody {...p} />
        </InspectorsOnScreen.Provider>
      </div>
    </section>
  );
});

function TabBody(p: InspectorTabsProps): ReactNode {
  const { frame, lane, selectedKey, onSelectKey } = p;
  switch (p.tab) {
    case 'apiserver':
      return <ApiServerInspector frame={frame} selectedKey={selectedKey} onSelectKey={onSelectKey} />;
    case 'reflector':
      return <ReflectorInspector lane={lane} frame={frame} />;
    case 'fifo':
      return (
        <DeltaFifoInspector lane={lane} frame={frame} selectedKey={selectedKey} onSelectKey={onSelectKey} />
      );
    case 'indexer':
      return (
        <IndexerInspector lane={lane} frame={frame} selectedKey={selectedKey} onSelectKey={onSelectKey} />
      );
    case 'handlers':
      return (
        <HandlersInspector lane={lane} frame={frame} selectedKey={selectedKey} onSelectKey={onSelectKey} />
      );
    case 'workqueue':
      return (
        <WorkqueueInspector
          frame={frame}
          history={p.queueHistory}
          selectedKey={selectedKey}
          onSelectKey={onSelectKey}
        />
      );
    case 'workers':
      return <WorkersInspector frame={frame} selectedKey={selectedKey} onSelectKey={onSelectKey} />;
    case 'log':
      return (
        <EventLog
          records={p.logRecords}
          onSelectKey={onSelectKey}
          filter={p.logFilter}
          onFilterChange={p.onLogFilter}
          onExport={p.onExportLog}
          selectedKey={selectedKey}
          currentStep={frame.step}
        />
      );
  }
}
