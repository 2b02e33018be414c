/**
 * Playback speeds, in steps per second ('max' = fast-forward: the worker sends only the last frame of
 * each batch plus a summary of what it skipped). The list is ordered slowest first; `speedUp` and
 * `speedDown` walk it one notch and stop at either end.
 */
import { t } from '../../i18n';

export type Speed = 0.25 | 0.5 | 1 | 2 | 4 | 10 | 30 | 100 | 'max';

export const SPEEDS: readonly Speed[] = [0.25, 0.5, 1, 2, 4, 10, 30, 100, 'max'];

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

/** Parses an <option> value back into a Speed; anything else is null. */
export function parseSpeed(value: string): Speed | null {
  if (value === 'max') return 'max';
  const n = Number(value);
  return SPEEDS.find((s) => s === n) ?? null;
}

/** "0.25 steps/s", "1 step/s", "Fast-forward". */
export function speedLabel(s: Speed): string {
  if (s === 'max') return t('controls.speed.max');
  if (s === 1) return t('controls.speed.one');
  return t('controls.speed.steps', { n: s });
}
