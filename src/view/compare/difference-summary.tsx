/**
 * The difference on screen: which one (n of total), its kind, key, time and each side's step, and the
 * generated summary of what differs there (src/i18n/compare-summary.ts `summaryText`, from the
 * comparer's data). Outside a difference, a hint to look for one.
 */
import type { ReactNode } from 'react';
import type { Difference } from '../../compare/types';
import { t } from '../../i18n';
import { summaryText } from '../../i18n/compare-summary';
import { formatClock } from '../controls/format';
import { differenceKindLabel } from './view-model';

export interface DifferenceSummaryViewProps {
  readonly difference: Difference | undefined;
  readonly index: number | null;
  readonly total: number;
  /** The list is complete (the heading says "n of total", else "n, more may follow"). */
  readonly complete: boolean;
}

export function DifferenceSummaryView({
  difference,
  index,
  total,
  complete,
}: DifferenceSummaryViewProps): ReactNode {
  if (difference === undefined || index === null) {
    return (
      <p className="cmp-diff is-none" data-testid="compare-difference">
        {t('compare.diff.none')}
      </p>
    );
  }
  return (
    <div
      className="cmp-diff"
      data-testid="compare-difference"
      data-kind={difference.kind}
      data-left-step={difference.leftStep}
      data-right-step={difference.rightStep}
    >
      <p className="cmp-diff-head">
        <strong>
          {complete
            ? t('compare.diff.heading', { n: index + 1, total })
            : t('compare.diff.headingOpen', { n: index + 1, total })}
        </strong>{' '}
        <span className="cmp-diff-kind">{differenceKindLabel(difference.kind)}</span>
        {difference.key !== null && (
          <span className="cmp-diff-key"> · {t('compare.diff.key', { key: difference.key })}</span>
        )}{' '}
        <span className="cmp-diff-at">
          {t('compare.diff.at', {
            time: formatClock(difference.time),
            left: difference.leftStep,
            right: difference.rightStep,
          })}
        </span>
      </p>
      <p className="cmp-diff-summary" data-testid="compare-summary">
        {summaryText(difference.summary)}
      </p>
    </div>
  );
}
