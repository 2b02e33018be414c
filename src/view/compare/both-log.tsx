/**
 * Both traces interleaved by time (the event log's interleaved mode, ../event-log/interleaved-log.tsx):
 * a disclosure under the two sides. While open and paused it fetches each side's records of the last
 * LOG_WINDOW steps up to the step on screen from that side's own store, and merges them.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { RecordView } from '../../engine/model/frame';
import { t } from '../../i18n';
import type { SimState } from '../../store/types';
import { InterleavedLog } from '../event-log';
import { useCompare, useCompareStoreApi } from './compare-context';

const LOG_WINDOW = 400;
const selectStep = (s: SimState): number | null => s.frame?.step ?? null;

export function BothLog(): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <details className="cmp-both-log" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('compare.log.mode.both')}</summary>
      {open && <BothLogBody />}
    </details>
  );
}

function BothLogBody(): ReactNode {
  const api = useCompareStoreApi();
  const playing = useCompare((s) => s.playing);
  const leftStep = useStore(api.sides.left, selectStep);
  const rightStep = useStore(api.sides.right, selectStep);
  const [records, setRecords] = useState<{
    left: readonly RecordView[];
    right: readonly RecordView[];
  } | null>(null);

  useEffect(() => {
    if (playing) return;
    let live = true;
    const fetch = (step: number | null, side: 'left' | 'right'): Promise<readonly RecordView[]> =>
      step === null
        ? Promise.resolve([])
        : api.sides[side]
            .getState()
            .fetchRecords(Math.max(0, step - LOG_WINDOW), step)
            .then((a) => a?.records ?? []);
    void Promise.all([fetch(leftStep, 'left'), fetch(rightStep, 'right')]).then(([left, right]) => {
      if (live) setRecords({ left, right });
    });
    return () => {
      live = false;
    };
  }, [api, leftStep, rightStep, playing]);

  return (
    <InterleavedLog
      left={records?.left ?? []}
      right={records?.right ?? []}
      currentSteps={{ left: leftStep, right: rightStep }}
      loading={records === null}
    />
  );
}
