/**
 * How long a step's tokens travel at a playback speed (the figure animates them itself: its step clock,
 * src/diagram/step-clock.ts), and the user's reduced-motion setting. With reduced motion (or at
 * fast-forward) tokens sit at their ends at once.
 */
import { useEffect, useState } from 'react';
import { type Speed, virtualRate } from '../../store';

export function stepDurationMs(speed: Speed, playing: boolean): number {
  if (!playing) return 900;
  if (speed === 'max') return 0;
  // A virtual-time rate shows steps when their time comes: a short motion up to 1 min/s, none faster.
  if (typeof speed === 'string') return (virtualRate(speed) ?? Infinity) <= 60 ? 250 : 0;
  return Math.max(0, Math.min(1200, (1000 / speed) * 0.85));
}

/** Follows the user's prefers-reduced-motion setting. */
export function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const m = matchMedia(query);
    const on = (): void => setReduced(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return reduced;
}
