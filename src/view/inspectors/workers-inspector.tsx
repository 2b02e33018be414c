/**
 * The controller's workers (sample-controller's runWorker / processNextWorkItem / syncHandler): each
 * worker's state, the key in hand, the sync stage, the last result (success, 409 conflict, 409 already
 * exists, another error) and how many items it has processed.
 */

import type { ReactNode } from 'react';
import type { Frame } from '../../engine/model/frame';
import { t } from '../../i18n';
import { deferredInspector } from './deferred';
import { classifyResult, formatCount, type ResultClass } from './format';
import { Chip, InspectorShell, KeyButton, type Tone } from './parts';
import { WindowedTable } from './windowed-table';

export interface WorkersInspectorProps {
  readonly frame: Frame;
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
}

type Worker = Frame['workers'][number];
type LastResult = NonNullable<Worker['lastResult']>;

const PHASE_TONE: Readonly<Record<string, Tone>> = {
  idle: 'muted',
  reconciling: 'info',
  'awaiting-response': 'accent',
};
const PHASE_ICON: Readonly<Record<string, string>> = {
  idle: '○',
  reconciling: '⚙',
  'awaiting-response': '⇅',
};
const RESULT_TONE: Readonly<Record<ResultClass, Tone>> = {
  success: 'ok',
  conflict: 'warn',
  'already-exists': 'warn',
  error: 'danger',
};
const RESULT_ICON: Readonly<Record<ResultClass, string>> = {
  success: '✓',
  conflict: '⚠',
  'already-exists': '⚠',
  error: '✕',
};

/** The last result as a chip: "success", "409 conflict", "409 already exists", "error 500" / "error". */
export function ResultChip({ result }: { readonly result: LastResult }): ReactNode {
  const c = classifyResult(result);
  const text =
    c === 'error' && result.code !== null
      ? t('inspectors.workers.result.errorCode', { code: result.code })
      : t(`inspectors.workers.result.${c}`);
  return (
    <Chip
      tone={RESULT_TONE[c]}
      icon={RESULT_ICON[c]}
      title={result.message === '' ? undefined : result.message}
    >
      {text}
    </Chip>
  );
}

function WorkersInspectorView({ frame, selectedKey, onSelectKey }: WorkersInspectorProps): ReactNode {
  return (
    <InspectorShell
      title={t('inspectors.workers.title')}
      subtitle={t('inspectors.workers.subtitle')}
      testId="inspector-workers"
    >
      {!frame.controllerStarted && <p className="insp-note">{t('inspectors.workers.notStarted')}</p>}
      <WindowedTable<Worker>
        caption={t('inspectors.workers.title')}
        rows={frame.workers}
        rowKey={(w) => String(w.id)}
        isSelected={(w) => w.key !== null && w.key === selectedKey}
        empty={t('inspectors.workers.none')}
        rowHeight={42}
        columns={[
          { id: 'id', header: t('inspectors.col.worker'), width: 5, render: (w) => `#${w.id}` },
          {
            id: 'phase',
            header: t('inspectors.col.stateStage'),
            width: 10,
            render: (w) => (
              <span className="insp-two-line">
                <span>
                  <Chip tone={PHASE_TONE[w.phase] ?? 'neutral'} icon={PHASE_ICON[w.phase]}>
                    {t(`inspectors.workers.phase.${w.phase}`)}
                  </Chip>
                </span>
                <span className="insp-dim">
                  {w.stage === null ? '—' : t(`inspectors.workers.stage.${w.stage}`)}
                </span>
              </span>
            ),
          },
          {
            id: 'key',
            header: t('inspectors.col.keyInHand'),
            render: (w) =>
              w.key === null ? (
                <span className="insp-dim">—</span>
              ) : (
                <KeyButton keyName={w.key} selected={w.key === selectedKey} onSelect={onSelectKey} />
              ),
          },
          {
            id: 'last',
            header: t('inspectors.col.lastResult'),
            width: 10,
            render: (w) =>
              w.lastResult === null ? (
                <span className="insp-dim">—</span>
              ) : (
                <span className="insp-two-line">
                  <span>
                    <ResultChip result={w.lastResult} />
                  </span>
                  <span className="insp-dim" title={w.lastResult.key}>
                    {w.lastResult.key}
                  </span>
                </span>
              ),
          },
          {
            id: 'n',
            header: t('inspectors.col.processed'),
            width: 6.6,
            optional: true,
            numeric: true,
            render: (w) => formatCount(w.processed),
          },
        ]}
      />
    </InspectorShell>
  );
}

/** WorkersInspector, rendering a deferred frame (deferred.tsx). */
export const WorkersInspector = deferredInspector(WorkersInspectorView, 'WorkersInspector');
