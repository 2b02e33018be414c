/** Text formatting for the step-through controls: the virtual clock and the step counter. */
import { t } from '../../i18n';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Virtual time as mm:ss.mmm ("01:02.345"). Minutes keep counting past 59 ("75:00.000"); negative or
 * non-finite input shows as 00:00.000. Fractions of a millisecond are dropped (virtual time is integer ms).
 */
export function formatClock(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms) : 0;
  const millis = total % 1000;
  const secs = Math.floor(total / 1000) % 60;
  const mins = Math.floor(total / 60_000);
  return `${pad(mins, 2)}:${pad(secs, 2)}.${pad(millis, 3)}`;
}

/** "Step 12 of 340", or "Step 12 of 340…" while the run can still grow (not ended). */
export function stepLabel(step: number, known: number, ended: boolean): string {
  return t(ended ? 'controls.step.of' : 'controls.step.ofOpen', { step, known });
}
