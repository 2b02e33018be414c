/** The playback speed selector: a native <select> named "Speed" (steps per second, or fast-forward). */
import { type ReactNode, useId } from 'react';
import { t } from '../../i18n';
import { parseSpeed, SPEEDS, type Speed, speedLabel } from './speed';

export interface SpeedSelectProps {
  readonly speed: Speed;
  readonly disabled?: boolean;
  readonly onChange: (speed: Speed) => void;
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
        {SPEEDS.map((s) => (
          <option key={String(s)} value={String(s)}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
    </span>
  );
}
