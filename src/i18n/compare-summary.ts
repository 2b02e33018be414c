/**
 * A comparison's difference summary (src/compare/types.ts DifferenceSummary) in the current language,
 * e.g. "left: DeltaFIFO Pop ×3, Replaced notification ×3; right: ReplacedAll notification ×3". Everything a
 * summary carries is data from a trace (message ids, delta types, param values): it is filled into the
 * templates as text, never as markup.
 */
import type { DifferenceKind, DifferenceSummary, SummaryCount } from '../compare/types';
import type { ParamValue } from '../engine/model/trace';
import { t } from './index';

/** The short heading of a difference kind ("A handler call differs"). */
export function differenceKindText(kind: DifferenceKind): string {
  return t(`compareSummary.kind.${kind}`);
}

/** A counted record's name: its noun when the table has one (the type filled in), else its message id. */
function whatText(c: SummaryCount): string {
  const key = `compareSummary.noun.${c.message}`;
  const noun = t(key, { type: c.type ?? '' });
  if (noun !== key) return noun.replace(/\s+/g, ' ').trim();
  return c.type === null ? c.message : t('compareSummary.typed', { type: c.type, message: c.message });
}

function countText(c: SummaryCount): string {
  const what = whatText(c);
  return c.count === 1
    ? t('compareSummary.one', { what })
    : t('compareSummary.many', { count: c.count, what });
}

function listText(counts: readonly SummaryCount[]): string {
  if (counts.length === 0) return t('compareSummary.none');
  return counts.map(countText).reduce((a, b) => t('compareSummary.join', { a, b }));
}

function valueText(v: ParamValue): string {
  return v === null ? t('compareSummary.none') : String(v);
}

/** What differs, in one line: per side the counted records, then the first differing parameter. */
export function summaryText(summary: DifferenceSummary): string {
  const parts: string[] = [];
  if (summary.left.length > 0 || summary.right.length > 0) {
    parts.push(t('compareSummary.sides', { left: listText(summary.left), right: listText(summary.right) }));
  }
  const p = summary.param;
  if (p !== null) {
    parts.push(
      t('compareSummary.param', { name: p.name, left: valueText(p.left), right: valueText(p.right) }),
    );
  }
  const rest =
    parts.length === 0 ? t('compareSummary.same') : parts.reduce((a, b) => t('compareSummary.and', { a, b }));
  return summary.key === null ? rest : t('compareSummary.key', { key: summary.key, rest });
}
