/**
 * What the inspector tabs and the key history need beside the frame, fetched from one run's store:
 * the tab and lane on screen, the event log's window of records up to the step (while paused), the
 * workqueue charts' points, and the selected key's history. The main page and each side of the compare
 * view use it the same way.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Frame, RecordView } from '../../engine/model/frame';
import type { Kind } from '../../engine/model/objects';
import type { SimStore } from '../../store/types';
import { EMPTY_FILTER, type EventLogFilter } from '../event-log';
import { appendHistory, type HistoryPoint } from '../inspectors';
import type { InspectorTabsProps, TabId } from './inspector-tabs';

/** Steps of records the event log shows up to the step on screen. */
const LOG_WINDOW = 400;

/** The inspector tabs' props that come from here (the caller adds the frame, the selected key and the export). */
export type InspectorTabsState = Pick<
  InspectorTabsProps,
  | 'tab'
  | 'onTab'
  | 'lane'
  | 'onLane'
  | 'logFilter'
  | 'onLogFilter'
  | 'logRecords'
  | 'queueHistory'
  | 'onSelectKey'
>;

export interface InspectorData {
  /** Spread into <InspectorTabs>. */
  readonly tabs: InspectorTabsState;
  /** The selected key's records up to the step on screen; null when no key is selected. */
  readonly history: { readonly key: string; readonly records: readonly RecordView[] } | null;
}

export function useInspectorData(
  store: SimStore,
  frame: Frame | null,
  selectedKey: string | null,
  playing: boolean,
  initialTab: TabId,
): InspectorData {
  const [tab, setTab] = useState<TabId>(initialTab);
  const [lane, setLane] = useState<Kind>('Foo');
  const [logFilter, setLogFilter] = useState<EventLogFilter>(EMPTY_FILTER);
  const [logRecords, setLogRecords] = useState<readonly RecordView[]>([]);
  const [history, setHistory] = useState<InspectorData['history']>(null);
  const queueHistoryRef = useRef<readonly HistoryPoint[]>([]);
  const step = frame?.step ?? 0;

  // The workqueue charts' points, one per frame shown, taken while rendering that frame (a state set in
  // an effect would render the whole page a second time for every frame). appendHistory returns the
  // same array for a point it already has, so a repeated render adds nothing.
  const queueHistory = useMemo(() => {
    if (frame !== null) queueHistoryRef.current = appendHistory(queueHistoryRef.current, frame, 120);
    return queueHistoryRef.current;
  }, [frame]);

  // The event log shows a window of records up to the step on screen (fetched from the worker).
  useEffect(() => {
    if (tab !== 'log' || playing) return;
    let live = true;
    void store
      .getState()
      .fetchRecords(Math.max(0, step - LOG_WINDOW), step)
      .then((a) => {
        if (live && a !== null) setLogRecords(a.records);
      });
    return () => {
      live = false;
    };
  }, [tab, step, playing, store]);

  // A selected key opens its history across components.
  useEffect(() => {
    if (selectedKey === null) {
      setHistory(null);
      return;
    }
    let live = true;
    void store
      .getState()
      .fetchHistory(selectedKey, step)
      .then((a) => {
        if (live && a !== null) setHistory({ key: selectedKey, records: a.records });
      });
    return () => {
      live = false;
    };
  }, [selectedKey, step, store]);

  const onSelectKey = useCallback((key: string) => store.getState().select(key), [store]);
  return {
    tabs: {
      tab,
      onTab: setTab,
      lane,
      onLane: setLane,
      logFilter,
      onLogFilter: setLogFilter,
      logRecords,
      queueHistory,
      onSelectKey,
    },
    history,
  };
}
