/**
 * The step-through toolbar: play/pause (one toggle whose name says what it will do), step back, step
 * forward, next API event, "Run until", speed, the virtual clock and the step counter. Props mirror
 * the store (src/store): the app composition passes state and actions straight through.
 */
import type { ReactNode } from 'react';
import type { RunUntil } from '../../engine/model/session';
import { t } from '../../i18n';
import { formatClock, stepLabel } from './format';
import { Icon } from './icons';
import { RunUntilMenu } from './run-until-menu';
import type { Speed } from './speed';
import { SpeedSelect } from './speed-select';
import './controls.css';

export interface TransportProps {
  /** The step on screen (frame.step, or the store's cursor). */
  readonly step: number;
  /** Steps known so far (the last step one can seek to). */
  readonly known: number;
  /** The run has ended: `known` is final. */
  readonly ended: boolean;
  readonly playing: boolean;
  readonly speed: Speed;
  /** Virtual time of the step on screen, ms (frame.time). */
  readonly time: number;
  /** The selected object key (for "Run until <key> reconciled"); null = none. */
  readonly selectedKey: string | null;
  /** Everything disabled (nothing loaded yet, or the simulation stopped). */
  readonly disabled?: boolean;
  readonly onTogglePlay: () => void;
  readonly onStepBack: () => void;
  readonly onStepForward: () => void;
  readonly onRunUntil: (until: RunUntil) => void;
  readonly onSpeedChange: (speed: Speed) => void;
  /** Opens the keyboard shortcuts dialog; omit to hide the button. */
  readonly onHelp?: () => void;
}

/** Step back and step forward, as the main transport and the compare transport show them. */
export function StepButtons(props: {
  readonly onBack: () => void;
  readonly onForward: () => void;
  readonly backDisabled: boolean;
  readonly forwardDisabled: boolean;
}): ReactNode {
  return (
    <>
      <button
        type="button"
        className="ctl-button ctl-icon-only"
        onClick={props.onBack}
        disabled={props.backDisabled}
        aria-label={t('controls.stepBack')}
        aria-keyshortcuts="ArrowLeft"
        title={t('controls.stepBack.hint')}
      >
        <Icon name="step-back" />
      </button>
      <button
        type="button"
        className="ctl-button ctl-icon-only"
        onClick={props.onForward}
        disabled={props.forwardDisabled}
        aria-label={t('controls.stepForward')}
        aria-keyshortcuts="ArrowRight"
        title={t('controls.stepForward.hint')}
      >
        <Icon name="step-forward" />
      </button>
    </>
  );
}

export function Transport(props: TransportProps): ReactNode {
  const { step, known, ended, playing, speed, time, selectedKey, disabled = false } = props;
  const atStart = step <= 0;
  const atEnd = ended && step >= known;
  const clock = formatClock(time);
  return (
    <fieldset className="ctl-transport">
      <legend className="ctl-sr-only">{t('controls.toolbar')}</legend>
      <div className="ctl-group">
        <button
          type="button"
          className="ctl-button ctl-primary"
          onClick={props.onTogglePlay}
          disabled={disabled || (!playing && atEnd)}
          aria-keyshortcuts="Space"
          title={playing ? t('controls.pause.hint') : t('controls.play.hint')}
        >
          <Icon name={playing ? 'pause' : 'play'} />
          <span>{playing ? t('controls.pause') : t('controls.play')}</span>
        </button>
        <StepButtons
          onBack={props.onStepBack}
          onForward={props.onStepForward}
          backDisabled={disabled || atStart}
          forwardDisabled={disabled || atEnd}
        />
        <button
          type="button"
          className="ctl-button"
          onClick={() => props.onRunUntil({ kind: 'next-api-event' })}
          disabled={disabled || atEnd}
          aria-keyshortcuts="Shift+ArrowRight"
          title={t('controls.nextApiEvent.hint')}
        >
          <Icon name="next-event" />
          <span>{t('controls.nextApiEvent')}</span>
        </button>
        <RunUntilMenu selectedKey={selectedKey} disabled={disabled || atEnd} onRunUntil={props.onRunUntil} />
      </div>
      <div className="ctl-group">
        <SpeedSelect speed={speed} disabled={disabled} onChange={props.onSpeedChange} />
        <span className="ctl-readout">
          <span className="ctl-clock" title={t('controls.clock.hint')}>
            <span className="ctl-sr-only">{t('controls.clock.label')} </span>
            {clock}
          </span>
          <span className="ctl-step" aria-live="off">
            {stepLabel(step, known, ended)}
          </span>
        </span>
        {props.onHelp !== undefined && (
          <button
            type="button"
            className="ctl-button ctl-icon-only"
            onClick={props.onHelp}
            aria-label={t('controls.help.open')}
            aria-keyshortcuts="Shift+?"
            title={t('controls.help.open')}
          >
            <Icon name="help" />
          </button>
        )}
      </div>
    </fieldset>
  );
}
