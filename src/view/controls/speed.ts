/**
 * Playback speeds (the store's list, src/store/types.ts): steps per second; virtual-time rates (seconds
 * of virtual time per second of wall time: the page shows the last step at or before the virtual time
 * reached, with a summary of what it passed); and 'max' = fast-forward (the worker sends only the last
 * frame of each batch plus a summary of what it skipped). The list is ordered as the keyboard walks it;
 * `speedUp` and `speedDown` move one notch and stop at either end.
 */
import { t } from '../../i18n';
import { type Rate, SPEEDS, type Speed } from '../../store/types';

export { SPEEDS, type Speed, virtualRate } from '../../store/types';

function indexOfSpeed(s: Speed): number {
  const i = SPEEDS.indexOf(s);
  return i < 0 ? SPEEDS.indexOf(1) : i;
}

/** One notch faster; 'max' stays 'max'. */
export function speedUp(s: Speed): Speed {
  return SPEEDS[Math.min(indexOfSpeed(s) + 1, SPEEDS.length - 1)]!;
}

/** One notch slower; 0.25 stays 0.25. */
export function speedDown(s: Speed): Speed {
  return SPEEDS[Math.max(indexOfSpeed(s) - 1, 0)]!;
}

/** Parses an <option> value (String(speed)) back into a Speed; anything else is null. */
export function parseSpeed(value: string): Speed | null {
  return SPEEDS.find((s) => String(s) === value) ?? null;
}

const RATE_LABELS: Readonly<Record<Rate, string>> = {
  '10s/s': 'controls.speed.rate.10s',
  '1min/s': 'controls.speed.rate.1min',
  '10min/s': 'controls.speed.rate.10min',
};

/** "0.25 steps/s", "1 step/s", "1 min/s", "Fast-forward". */
export function speedLabel(s: Speed): string {
  if (s === 'max') return t('controls.speed.max');
  if (s === 1) return t('controls.speed.one');
  if (typeof s === 'string') return t(RATE_LABELS[s]);
  return t('controls.speed.steps', { n: s });
}
