/**
 * English strings of the compare-summary area (keys prefixed "compareSummary."): a comparison's
 * difference summary in words (src/i18n/compare-summary.ts). Message ids, delta types and client-go
 * names are data and stay as they are.
 */
export const compareSummary: Readonly<Record<string, string>> = {
  'compareSummary.kind.record': 'First differing record',
  'compareSummary.kind.era': 'The two client-go eras part',
  'compareSummary.kind.handler': 'A handler call differs',
  'compareSummary.kind.lister': 'What the lister held differs',
  'compareSummary.kind.queue': 'A workqueue add differs',
  'compareSummary.kind.write': 'A write differs',
  'compareSummary.key': '{key}: {rest}',
  'compareSummary.sides': 'left: {left}; right: {right}',
  'compareSummary.join': '{a}, {b}',
  'compareSummary.none': 'none',
  'compareSummary.one': 'one {what}',
  'compareSummary.many': '{count} {what}',
  'compareSummary.typed': '{type} {message}',
  'compareSummary.param': '{name} is {left} on the left, {right} on the right',
  'compareSummary.and': '{a}; {b}',
  'compareSummary.same': 'no difference in the counted records',
};
