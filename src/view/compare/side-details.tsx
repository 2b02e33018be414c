/**
 * The sides' inspectors and key history, in one disclosure under both figures with a side switch.
 * Inside the chosen side's <SimStoreProvider>, they are the main page's components fed from that
 * side's store: the inspector tabs (their event log fetches that side's records) and, when a key is
 * selected in that side's figure or tables, that key's history on that side.
 */
import { type ReactNode, useCallback, useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { SIDES, type Side } from '../../compare/types';
import type { RecordView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { selectFrame, selectPlaying, selectSelectedKey } from '../../store';
import { SimStoreProvider, useSimStore, useSimStoreApi } from '../../store/react';
import type { SimState } from '../../store/types';
import { KeyHistory, recordsToJsonl } from '../event-log';
import { download } from '../shell/download';
import { InspectorTabs } from '../shell/inspector-tabs';
import { useInspectorData } from '../shell/use-inspector-data';
import { useCompareStoreApi } from './compare-context';

const selectKey = (s: SimState): string | null => s.selectedKey;

/**
 * One panel for both sides (two sets of inspectors would bury the figures, and their named tables
 * would be landmarks twice over): a side switch, then that side's inspectors and key history. A key
 * selected in a side's figure opens the panel on that side.
 */
export function SideDetails(): ReactNode {
  const api = useCompareStoreApi();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [side, setSide] = useState<Side>('left');
  const leftKey = useStore(api.sides.left, selectKey);
  const rightKey = useStore(api.sides.right, selectKey);
  useEffect(() => {
    if (leftKey !== null) {
      setSide('left');
      setOpen(true);
    }
  }, [leftKey]);
  useEffect(() => {
    if (rightKey !== null) {
      setSide('right');
      setOpen(true);
    }
  }, [rightKey]);
  return (
    <details
      className="cmp-details"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="compare-details"
    >
      <summary>{t('compare.details')}</summary>
      {open && (
        <>
          <fieldset className="cmp-group cmp-details-switch">
            <legend className="cmp-align-legend">{t('compare.details.side')}</legend>
            {SIDES.map((s) => (
              <label key={s} className={side === s ? 'cmp-seg is-on' : 'cmp-seg'}>
                <input type="radio" name={`${id}-side`} checked={side === s} onChange={() => setSide(s)} />
                {t(`compare.side.${s}`)}
              </label>
            ))}
          </fieldset>
          <SimStoreProvider key={side} store={api.sides[side]}>
            <DetailsBody side={side} />
          </SimStoreProvider>
        </>
      )}
    </details>
  );
}

function DetailsBody({ side }: { readonly side: Side }): ReactNode {
  const store = useSimStoreApi();
  const frame = useSimStore(selectFrame);
  const selectedKey = useSimStore(selectSelectedKey);
  const playing = useSimStore(selectPlaying);
  const { tabs, history } = useInspectorData(store, frame, selectedKey, playing, 'indexer');
  const step = frame?.step ?? 0;
  const exportLog = useCallback(
    (recs: readonly RecordView[]) => {
      download(`informer-lab-${side}-events.jsonl`, recordsToJsonl(recs), 'application/x-ndjson');
    },
    [side],
  );
  if (frame === null) return null;
  return (
    <div className="cmp-details-body">
      {history !== null && (
        <KeyHistory
          keyName={history.key}
          records={history.records}
          onClose={() => store.getState().select(null)}
          currentStep={step}
        />
      )}
      <InspectorTabs frame={frame} {...tabs} selectedKey={selectedKey} onExportLog={exportLog} />
    </div>
  );
}
