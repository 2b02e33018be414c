/**
 * The compare view's pure helpers (tested in Node): the scrubber's domain, where a difference sits on
 * the shared scrubber and on each side's own track, the search status and the "what differs" line in
 * words, and the speed keys over COMPARE_SPEEDS. Nothing here reads the DOM or a store.
 */
import type { AlignMode, Difference, DifferenceKind, Side } from '../../compare/types';
import type { Settings } from '../../engine/model/scenario';
import type { Session } from '../../engine/model/session';
import { t } from '../../i18n';
import type { Comparison } from '../../scenarios/comparisons/types';
import {
  COMPARE_SPEEDS,
  type CompareSearchState,
  type CompareSetup,
  type CompareSpeed,
} from '../../store/compare/types';
import { formatClock } from '../controls/format';
import { describeIntervention } from '../controls/intervention-kinds';
import { formatCount } from '../inspectors/format';

/** What one side shows, as the view needs it. */
export interface SideView {
  readonly step: number;
  readonly time: number;
  readonly known: number;
  readonly ended: boolean;
}

/**
 * The shared scrubber's maximum: aligned by step, the larger of the sides' known steps; aligned by
 * time, the latest virtual time seen so far (sides, differences, the position itself, and `highWater`,
 * the previous maximum, so that the track never shrinks under the thumb).
 */
export function scrubMax(
  align: AlignMode,
  position: number,
  left: SideView | null,
  right: SideView | null,
  differences: readonly Difference[],
  highWater: number,
): number {
  if (align === 'step') return Math.max(1, position, left?.known ?? 0, right?.known ?? 0);
  let max = Math.max(1, position, highWater, left?.time ?? 0, right?.time ?? 0);
  for (const d of differences) if (d.time > max) max = d.time;
  return max;
}

/** Where a difference sits on the shared scrubber (its time aligned by time, its left step by step). */
export function differencePosition(d: Difference, align: AlignMode): number {
  return align === 'time' ? d.time : Math.min(d.leftStep, d.rightStep);
}

/** The step a difference shows on one side. */
export function differenceStep(d: Difference, side: Side): number {
  return side === 'left' ? d.leftStep : d.rightStep;
}

/** 0..1 along a track (0 when the track is empty). */
export function along(value: number, max: number): number {
  if (!(max > 0)) return 0;
  return Math.min(1, Math.max(0, value / max));
}

/** True when both sides show exactly the steps of difference `d`. */
export function atDifference(d: Difference | undefined, left: number | null, right: number | null): boolean {
  return d !== undefined && left === d.leftStep && right === d.rightStep;
}

export function differenceKindLabel(kind: DifferenceKind): string {
  return t(`compare.diff.kind.${kind}`);
}

/** "Difference 2 (record) at 00:01.250: left step 40, right step 38", a mark's title. */
export function differenceTitle(d: Difference, index: number): string {
  return t('compare.mark.title', {
    n: index + 1,
    kind: differenceKindLabel(d.kind),
    time: formatClock(d.time),
    left: d.leftStep,
    right: d.rightStep,
  });
}

function countText(n: number): string {
  return n === 1 ? t('compare.count.one') : t('compare.count.many', { n: formatCount(n) });
}

/** The search status in words. */
export function statusText(search: CompareSearchState): string {
  const { left, right } = search.searchedTo;
  const n = search.differences.length;
  switch (search.status) {
    case 'idle':
      return t('compare.status.idle');
    case 'searching':
      return t('compare.status.searching');
    case 'partial':
      return n === 0
        ? t('compare.status.none', { left: formatCount(left), right: formatCount(right) })
        : t('compare.status.partial', {
            count: countText(n),
            left: formatCount(left),
            right: formatCount(right),
          });
    case 'frontier':
      if (search.lookAhead === true)
        return t('compare.status.lookAhead', { left: formatCount(left), right: formatCount(right) });
      return t('compare.status.frontier', {
        steps: formatCount(Math.max(left, right)),
        left: formatCount(left),
        right: formatCount(right),
      });
    case 'complete':
      return n === 0
        ? t('compare.status.completeNone')
        : t('compare.status.complete', { count: countText(n) });
    case 'error':
      return t('compare.status.error', { message: search.message ?? '' });
  }
}

/** The sandbox form's label of a setting where it has one (else the setting's own name). */
const SETTING_LABELS: Readonly<Partial<Record<keyof Settings, string>>> = {
  resyncPeriodMs: 'links.sb.f.resyncPeriod',
  workers: 'links.sb.f.workers',
  bookmarkIntervalMs: 'links.sb.f.bookmarkInterval',
  historyWindow: 'links.sb.f.historyWindow',
  apiServerReplicas: 'links.sb.f.apiServerReplicas',
};

export function settingLabel(name: keyof Settings): string {
  const key = SETTING_LABELS[name];
  return key === undefined ? name : t(key);
}

function seedOf(s: Session): string {
  return s.seed === undefined ? '—' : String(s.seed);
}

function sameSource(a: Session, b: Session): boolean {
  return JSON.stringify(a.source) === JSON.stringify(b.source);
}

/**
 * What the right side changes, in words: from the built-in comparison when there is one, else from
 * the two sessions (a seed, or interventions the right has beyond the left's: a fork).
 */
export function differsText(setup: CompareSetup, comparison: Comparison | null): string {
  if (comparison !== null) {
    const d = comparison.differs;
    switch (d.kind) {
      case 'era':
        return t('compare.differs.era', {
          left: t(`links.lesson.era.${d.left}`),
          right: t(`links.lesson.era.${d.right}`),
        });
      case 'setting':
        return t('compare.differs.setting', { name: settingLabel(d.name) });
      case 'mistake':
        return t('compare.differs.mistake', { name: t(`links.sb.mistake.${d.name}`) });
      case 'seed':
        return t('compare.differs.seed', { left: seedOf(setup.left), right: seedOf(setup.right) });
      case 'intervention':
        return t('compare.differs.intervention');
    }
  }
  const { left, right } = setup;
  const sameInterventions = JSON.stringify(left.interventions) === JSON.stringify(right.interventions);
  if (sameSource(left, right)) {
    if (left.seed !== right.seed && sameInterventions)
      return t('compare.differs.seed', { left: seedOf(left), right: seedOf(right) });
    if (left.seed === right.seed && sameInterventions) return t('compare.differs.none');
    const extra = right.interventions.slice(left.interventions.length);
    const prefix = JSON.stringify(right.interventions.slice(0, left.interventions.length));
    if (left.seed === right.seed && extra.length === 1 && prefix === JSON.stringify(left.interventions)) {
      const x = extra[0]!;
      return t('compare.differs.fork', { step: x.step, action: describeIntervention(x.action) });
    }
  } else if (left.seed === right.seed && sameInterventions) {
    const era = (s: Session): string | undefined => {
      const src = s.source;
      if (src.kind === 'scenario') return src.scenario.settings.era;
      if (src.kind === 'library' || src.kind === 'lesson') return src.changes?.era;
      return undefined;
    };
    const le = era(left) ?? 'classic';
    const re = era(right) ?? 'classic';
    if (le !== re)
      return t('compare.differs.era', {
        left: t(`links.lesson.era.${le}`),
        right: t(`links.lesson.era.${re}`),
      });
  }
  return t('compare.differs.several');
}

/** The next speed up or down over COMPARE_SPEEDS (clamped). */
export function compareSpeedStep(speed: CompareSpeed, dir: 1 | -1): CompareSpeed {
  const i = COMPARE_SPEEDS.indexOf(speed);
  const j = Math.min(COMPARE_SPEEDS.length - 1, Math.max(0, (i < 0 ? 1 : i) + dir));
  return COMPARE_SPEEDS[j]!;
}

/** A select's value as one of COMPARE_SPEEDS, or null. */
export function parseCompareSpeed(value: string): CompareSpeed | null {
  return COMPARE_SPEEDS.find((s) => String(s) === value) ?? null;
}
