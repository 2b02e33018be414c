/**
 * The animation progress (0..1) of the step on screen. It restarts at 0 whenever the step changes and
 * runs to 1 over a duration that suits the playback speed; with reduced motion (or fast-forward) it is 1
 * at once. Token positions are a pure function of (records, progress), so pausing, scrubbing and stepping
 * back need no other animation state.
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

export function useStepProgress(step: number, durationMs: number, reducedMotion: boolean): number {
  const [progress, setProgress] = useState(1);
  useEffect(() => {
    if (reducedMotion || durationMs <= 0 || step === 0) {
      setProgress(1);
      return;
    }
    let raf = 0;
    const start = performance.now();
    const tick = (now: number): void => {
      const p = Math.min(1, (now - start) / durationMs);
      setProgress(p);
      if (p < 1) raf = requestAnimationFrame(tick);
    };
    setProgress(0);
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [step, durationMs, reducedMotion]);
  return progress;
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
