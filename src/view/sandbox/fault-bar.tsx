/**
 * Fault buttons, usable at any time: each pauses the player if it is playing, then intervenes at the
 * step on screen (store `interveneNow`). The numbers next to a button (seconds, milliseconds, a count)
 * are its parameters; the status line says what was done (a polite live region).
 */
import { type ReactNode, useId, useState } from 'react';
import type { InterventionAction } from '../../engine/model/session';
import { t } from '../../i18n';
import { useSimStoreApi } from '../../store/react';
import { describeIntervention } from '../controls';

export interface FaultBarProps {
  readonly disabled: boolean;
}

function clampInt(text: string, min: number, max: number, fallback: number): number {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? Math.max(min, Math.min(max, n)) : fallback;
}

/** One fault button: builds its intervention when clicked and hands it to `onFire`. */
function Fault(props: {
  readonly label: string;
  readonly disabled: boolean;
  readonly make: () => InterventionAction;
  readonly onFire: (action: InterventionAction) => Promise<void>;
}): ReactNode {
  return (
    <button
      type="button"
      className="btn"
      disabled={props.disabled}
      onClick={() => void props.onFire(props.make())}
    >
      {props.label}
    </button>
  );
}

export function FaultBar({ disabled }: FaultBarProps): ReactNode {
  const store = useSimStoreApi();
  const id = useId();
  const [seconds, setSeconds] = useState('3');
  const [code, setCode] = useState<'500' | '429'>('500');
  const [extra, setExtra] = useState('200');
  const [count, setCount] = useState('3');
  const [status, setStatus] = useState('');

  const fire = async (action: InterventionAction): Promise<void> => {
    const ok = await store.getState().interveneNow(action);
    setStatus(
      ok
        ? t('links.sb.fault.done', { what: describeIntervention(action), step: store.getState().cursor })
        : t('links.sb.fault.failed'),
    );
  };
  const durationMs = (): number => clampInt(seconds, 1, 3600, 3) * 1000;

  return (
    <section className="sb-faults" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="sb-title">
        {t('links.sb.faults')}
      </h3>
      <p className="sb-note">{t('links.sb.faults.hint')}</p>
      <div className="sb-fault-row">
        <Fault
          label={t('links.sb.fault.closeWatch')}
          disabled={disabled}
          make={() => ({ action: 'closeWatch' })}
          onFire={fire}
        />
        <Fault
          label={t('links.sb.fault.gone')}
          disabled={disabled}
          make={() => ({ action: 'watchError', code: 410 })}
          onFire={fire}
        />
        <Fault
          label={t('links.sb.fault.compact')}
          disabled={disabled}
          make={() => ({ action: 'compact' })}
          onFire={fire}
        />
      </div>
      <div className="sb-fault-row">
        <label className="sb-inline" htmlFor={`${id}-seconds`}>
          {t('links.sb.fault.seconds')}
        </label>
        <input
          id={`${id}-seconds`}
          className="ctl-input sb-num"
          type="number"
          min={1}
          max={3600}
          value={seconds}
          onChange={(e) => setSeconds(e.currentTarget.value)}
        />
        <label className="sb-inline" htmlFor={`${id}-code`}>
          {t('links.sb.fault.code')}
        </label>
        <select
          id={`${id}-code`}
          className="ctl-select"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value === '429' ? '429' : '500')}
        >
          <option value="500">500</option>
          <option value="429">429</option>
        </select>
        <Fault
          label={t('links.sb.fault.apiErrors')}
          disabled={disabled}
          make={() => ({ action: 'apiErrors', code: code === '429' ? 429 : 500, durationMs: durationMs() })}
          onFire={fire}
        />
        <Fault
          label={t('links.sb.fault.refuse')}
          disabled={disabled}
          make={() => ({ action: 'refuseConnections', durationMs: durationMs() })}
          onFire={fire}
        />
      </div>
      <div className="sb-fault-row">
        <label className="sb-inline" htmlFor={`${id}-extra`}>
          {t('links.sb.fault.extraMs')}
        </label>
        <input
          id={`${id}-extra`}
          className="ctl-input sb-num"
          type="number"
          min={1}
          max={600000}
          value={extra}
          onChange={(e) => setExtra(e.currentTarget.value)}
        />
        <Fault
          label={t('links.sb.fault.latency')}
          disabled={disabled}
          make={() => ({
            action: 'addLatency',
            extraMs: clampInt(extra, 1, 600_000, 200),
            durationMs: durationMs(),
          })}
          onFire={fire}
        />
        <Fault
          label={t('links.sb.fault.slowHandlers')}
          disabled={disabled}
          make={() => ({
            action: 'slowHandlers',
            extraMs: clampInt(extra, 1, 600_000, 200),
            durationMs: durationMs(),
          })}
          onFire={fire}
        />
      </div>
      <div className="sb-fault-row">
        <label className="sb-inline" htmlFor={`${id}-count`}>
          {t('links.sb.fault.count')}
        </label>
        <input
          id={`${id}-count`}
          className="ctl-input sb-num"
          type="number"
          min={1}
          max={100000}
          value={count}
          onChange={(e) => setCount(e.currentTarget.value)}
        />
        <Fault
          label={t('links.sb.fault.failReconciles')}
          disabled={disabled}
          make={() => ({ action: 'failReconciles', count: clampInt(count, 1, 100_000, 3) })}
          onFire={fire}
        />
      </div>
      <p className="sb-status" role="status">
        {status}
      </p>
    </section>
  );
}
