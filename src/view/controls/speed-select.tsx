/**
 * The playback speed selector: a native <select> named "Speed", in two groups (steps per second, and
 * virtual time per second of wall time) and fast-forward on its own.
 */
import { type ReactNode, useId } from 'react';
import { t } from '../../i18n';
import { parseSpeed, SPEEDS, type Speed, speedLabel, virtualRate } from './speed';

export interface SpeedSelectProps {
  readonly speed: Speed;
  readonly disabled?: boolean;
  readonly onChange: (speed: Speed) => void;
}

const STEP_SPEEDS = SPEEDS.filter((s) => typeof s === 'number');
const RATE_SPEEDS = SPEEDS.filter((s) => virtualRate(s) !== null);

function options(speeds: readonly Speed[]): ReactNode {
  return speeds.map((s) => (
    <option key={String(s)} value={String(s)}>
      {speedLabel(s)}
    </option>
  ));
}

export function SpeedSelect({ speed, disabled = false, onChange }: SpeedSelectProps): ReactNode {
  const id = useId();
  return (
    <span className="ctl-field ctl-speed">
      <label htmlFor={id} className="ctl-field-label">
        {t('controls.speed')}
      </label>
      <select
        id={id}
        className="ctl-select"
        value={String(speed)}
        disabled={disabled}
        title={t('controls.speed.hint')}
        onChange={(e) => {
          const s = parseSpeed(e.currentTarget.value);
          if (s !== null) onChange(s);
        }}
      >
        <optgroup label={t('controls.speed.group.steps')}>{options(STEP_SPEEDS)}</optgroup>
        <optgroup label={t('controls.speed.group.rates')}>{options(RATE_SPEEDS)}</optgroup>
        {options(['max'])}
      </select>
    </span>
  );
}
