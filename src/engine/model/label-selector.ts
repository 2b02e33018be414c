/**
 * Label selectors (apimachinery pkg/labels/selector.go `Parse`, `Requirement.Matches`): what an informer
 * built with a tweak of its list options (`options.LabelSelector = "tier=gold"`) sends on its LIST and
 * WATCH requests, and what the server filters with (S12, S21).
 *
 * Supported: the equality-based forms `k=v`, `k==v`, `k!=v` and the existence forms `k`, `!k`, joined by
 * commas (every requirement must hold). Not supported (rejected with a message): the set-based forms
 * `k in (a,b)`, `k notin (a,b)` and the numeric `k>n`, `k<n`. An empty selector matches everything.
 * Simplification: keys and values are checked only for being non-empty and free of spaces and the
 * operator characters, not against the full DNS-label grammar.
 */

export type LabelRequirement =
  | { readonly key: string; readonly op: 'eq' | 'neq'; readonly value: string }
  | { readonly key: string; readonly op: 'exists' | 'notexists' };

export interface LabelSelector {
  /** The selector as written (normalised: no spaces), as it appears on the request. */
  readonly text: string;
  readonly requirements: readonly LabelRequirement[];
}

const TOKEN = /^[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?$/;

/** Parses a selector; returns the reason on error. */
export function parseLabelSelector(text: string): LabelSelector | { readonly error: string } {
  const clean = text.replace(/\s+/g, '');
  if (clean === '') return { text: '', requirements: [] };
  const reqs: LabelRequirement[] = [];
  for (const part of clean.split(',')) {
    if (/\bin\(|notin\(|[<>()]/.test(part)) {
      return { error: `"${part}": only k=v, k==v, k!=v, k and !k are supported` };
    }
    const eq = part.match(/^([^=!]+)(==|=|!=)([^=!]*)$/);
    const not = part.match(/^!([^=!]+)$/);
    if (eq !== null) {
      const [, key, op, value] = eq;
      if (!TOKEN.test(key!) || (value !== '' && !TOKEN.test(value!)))
        return { error: `"${part}" is not valid` };
      reqs.push({ key: key!, op: op === '!=' ? 'neq' : 'eq', value: value! });
    } else if (not !== null) {
      if (!TOKEN.test(not[1]!)) return { error: `"${part}" is not valid` };
      reqs.push({ key: not[1]!, op: 'notexists' });
    } else if (TOKEN.test(part)) {
      reqs.push({ key: part, op: 'exists' });
    } else {
      return { error: `"${part}" is not valid` };
    }
  }
  return { text: clean, requirements: reqs };
}

/** Selector.Matches: every requirement holds for the labels. */
export function selectorMatches(sel: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const r of sel.requirements) {
    const has = Object.hasOwn(labels, r.key);
    switch (r.op) {
      case 'eq':
        if (!has || labels[r.key] !== r.value) return false;
        break;
      case 'neq':
        // labels.go: `!=` also matches objects that lack the key.
        if (has && labels[r.key] === r.value) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case 'notexists':
        if (has) return false;
        break;
    }
  }
  return true;
}
