/**
 * The built-in comparisons' ids, numbers and titles: what the lesson picker lists, apart from the
 * catalog (its narrations and checks load only with the compare view).
 */
import type { Comparison } from './types';

export type ComparisonTitle = Pick<Comparison, 'id' | 'number' | 'title'>;

export const COMPARISON_TITLES: readonly ComparisonTitle[] = [
  {
    id: 'initial-list-classic-vs-modern',
    number: 1,
    title: {
      en: 'The initial list: classic DeltaFIFO vs modern RealFIFO',
      zh: '初始列举：经典的 DeltaFIFO 与现代的 RealFIFO',
    },
  },
  {
    id: 'deepcopy',
    number: 2,
    title: {
      en: 'With and without DeepCopy: the cache mutated',
      zh: '有无 DeepCopy：被改写的本地缓存',
    },
  },
  {
    id: 'resync-after-missed-delete',
    number: 3,
    title: {
      en: 'Resync on and off after a missed delete',
      zh: '错过删除之后：开启与关闭重新同步（resync）',
    },
  },
];

/** The title entry of a built-in comparison (the catalog spreads it into the comparison). */
export function comparisonTitle(id: string): ComparisonTitle {
  const c = COMPARISON_TITLES.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no comparison title for ${id}`);
  return c;
}
