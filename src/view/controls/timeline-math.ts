/**
 * Pure math of the timeline scrubber: which value the slider shows in each mode, and where the marks
 * go. Marks are bucketed (one per kind per bucket, with a count) so a long run with thousands of
 * relists or errors still draws a few hundred shapes.
 */
import type { Mark } from '../../engine/model/session';

export type ScrubMode = 'step' | 'time';
export type MarkKind = Mark['kind'];
export type MarkShape = 'triangle' | 'circle' | 'diamond' | 'square';

/** Shape and colour (a CSS custom property of theme.css) of each mark kind: never colour alone. */
export const MARK_STYLE: Readonly<Record<MarkKind, { readonly shape: MarkShape; readonly color: string }>> = {
  fault: { shape: 'triangle', color: 'var(--mark-fault)' },
  relist: { shape: 'circle', color: 'var(--mark-relist)' },
  error: { shape: 'diamond', color: 'var(--mark-error)' },
  intervention: { shape: 'square', color: 'var(--mark-intervention)' },
};

/** Drawing order: later kinds on top (errors and interventions matter most). */
export const MARK_KINDS: readonly MarkKind[] = ['relist', 'fault', 'error', 'intervention'];

/** The slider's domain: [0, max] in steps or in virtual ms. */
export interface ScrubDomain {
  readonly mode: ScrubMode;
  readonly max: number;
}

/**
 * The end of the time domain. `knownTime` (the virtual time of the last known step) when the store has
 * it; otherwise the latest time seen so far: the current time, the high-water mark and the marks.
 */
export function timeDomainMax(
  knownTime: number | null | undefined,
  time: number,
  highWater: number,
  marks: readonly Mark[],
): number {
  if (knownTime !== null && knownTime !== undefined && knownTime >= time) return knownTime;
  let max = Math.max(time, highWater);
  for (const m of marks) if (m.time > max) max = m.time;
  return max;
}

/** Fraction 0..1 along the track of a value in the domain (0 when the domain is empty). */
export function fraction(value: number, max: number): number {
  if (!(max > 0)) return 0;
  return Math.min(1, Math.max(0, value / max));
}

export interface PlacedMark {
  /** 0..1 along the track. */
  readonly x: number;
  readonly kind: MarkKind;
  /** The first mark of the bucket (seek target, title). */
  readonly mark: Mark;
  /** How many marks of this kind share the bucket. */
  readonly count: number;
}

/**
 * Marks placed along the track, at most one per kind per bucket (`buckets` ≈ track width / shape
 * size). Ordered by MARK_KINDS, then by position, so later ones draw on top.
 */
export function placeMarks(marks: readonly Mark[], domain: ScrubDomain, buckets = 300): PlacedMark[] {
  const n = Math.max(1, Math.floor(buckets));
  const byKind = new Map<MarkKind, Map<number, { mark: Mark; count: number }>>();
  for (const m of marks) {
    const v = domain.mode === 'step' ? m.step : m.time;
    if (v < 0 || v > domain.max) continue;
    const x = fraction(v, domain.max);
    const b = Math.min(n - 1, Math.floor(x * n));
    let perKind = byKind.get(m.kind);
    if (perKind === undefined) {
      perKind = new Map();
      byKind.set(m.kind, perKind);
    }
    const cell = perKind.get(b);
    if (cell === undefined) perKind.set(b, { mark: m, count: 1 });
    else cell.count++;
  }
  const out: PlacedMark[] = [];
  for (const kind of MARK_KINDS) {
    const perKind = byKind.get(kind);
    if (perKind === undefined) continue;
    const cells = [...perKind.values()].sort((a, b) => a.mark.step - b.mark.step);
    for (const { mark, count } of cells) {
      const v = domain.mode === 'step' ? mark.step : mark.time;
      out.push({ x: fraction(v, domain.max), kind, mark, count });
    }
  }
  return out;
}

/** Keyboard step of the slider in time mode: about 1/200 of the domain, at least 1 ms. */
export function timeStep(max: number): number {
  return Math.max(1, Math.round(max / 200));
}
