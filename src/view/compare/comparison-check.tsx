/**
 * A built-in comparison's check, judged like a lesson's goal (scenarios/comparisons judgeComparison):
 * each side's trace up to the comparison's `steps` is fetched once per run (useLessonTrace over that
 * side's store), and the check is judged over the records each side has shown so far (steps ≤ its
 * cursor), so it turns met when the learner has stepped both sides past what it looks for.
 */
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Side } from '../../compare/types';
import type { TraceRecord } from '../../engine/model/trace';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { judgeComparison } from '../../scenarios/comparisons';
import type { Comparison } from '../../scenarios/comparisons/types';
import type { SimState, SimStore } from '../../store/types';
import { textIn } from '../lessons/lesson-text';
import { useLessonTrace } from '../lessons/use-lesson-trace';
import { useCompareStoreApi } from './compare-context';

const selectCursor = (s: SimState): number => s.cursor;
const selectSource = (s: SimState): unknown => s.source;
const selectInterventions = (s: SimState): unknown => s.interventions;

function useSideTrace(store: SimStore, steps: number): { shown: readonly TraceRecord[] | null } {
  const cursor = useStore(store, selectCursor);
  const source = useStore(store, selectSource);
  const interventions = useStore(store, selectInterventions);
  const trace = useLessonTrace(store, steps, source, interventions);
  return { shown: trace === null ? null : trace.filter((r) => r.step <= cursor) };
}

export function ComparisonCheck({ comparison }: { readonly comparison: Comparison }): ReactNode {
  const lang = useLang();
  const api = useCompareStoreApi();
  const left = useSideTrace(api.sides.left, comparison.steps);
  const right = useSideTrace(api.sides.right, comparison.steps);
  const verdict =
    left.shown === null || right.shown === null ? null : judgeComparison(comparison, left.shown, right.shown);
  const met = verdict?.met === true;
  const mark = (side: Side): string => (verdict === null ? '…' : verdict[side].met ? '✓' : '○');
  return (
    <p className={`cmp-check${met ? ' is-met' : ''}`} data-testid="compare-check" data-met={met}>
      <strong>{t('compare.check.label')}</strong>{' '}
      <span className="cmp-check-status" role="status">
        {verdict === null
          ? t('compare.check.loading')
          : met
            ? `✓ ${t('compare.check.met')}`
            : `○ ${t('compare.check.notYet')}`}
      </span>{' '}
      {textIn(comparison.check.description, lang)}{' '}
      <span className="cmp-muted">
        {t('compare.check.sides', { left: mark('left'), right: mark('right') })}
      </span>
    </p>
  );
}
