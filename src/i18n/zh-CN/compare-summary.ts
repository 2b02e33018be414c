/**
 * 简体中文 strings of the compare-summary area (see src/i18n/en/compare-summary.ts). Message ids, delta
 * types and client-go names stay in English, as in the other tables.
 */
export const compareSummary: Readonly<Record<string, string>> = {
  'compareSummary.kind.record': '第一条不同的记录',
  'compareSummary.kind.era': '两个 client-go 版本在此分开',
  'compareSummary.kind.handler': '一次事件处理函数调用不同',
  'compareSummary.kind.lister': 'Lister 中保存的对象不同',
  'compareSummary.kind.queue': '一次加入工作队列（Workqueue）的操作不同',
  'compareSummary.kind.write': '一次写操作不同',
  'compareSummary.key': '{key}：{rest}',
  'compareSummary.sides': '左侧：{left}；右侧：{right}',
  'compareSummary.join': '{a}、{b}',
  'compareSummary.none': '无',
  'compareSummary.one': '1 条 {what}',
  'compareSummary.many': '{count} 条 {what}',
  'compareSummary.typed': '{type} 类型的 {message}',
  'compareSummary.param': '{name}：左侧为 {left}，右侧为 {right}',
  'compareSummary.and': '{a}；{b}',
  'compareSummary.same': '所统计的记录没有差别',
};
