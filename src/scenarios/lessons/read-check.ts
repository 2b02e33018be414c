/**
 * Validation of a lesson's building blocks: texts in both languages, record matchers and goal checks.
 * Problems are reported into the scenario parser's Ctx with their field path, so they come out with
 * lines like every scenario error (src/scenarios/parse.ts).
 */

import { isMessageId, MESSAGE_IDS, messageParamNames } from '../../engine/model/messages';
import { KINDS, type Kind } from '../../engine/model/objects';
import {
  type Arrow,
  COMPONENTS,
  type Component,
  NAMED_ARROWS,
  type ParamValue,
} from '../../engine/model/trace';
import { describeValue, quote } from '../duration';
import { type Ctx, FORBIDDEN_KEYS, isRecord, own, type Path, readInt, readMap, report } from '../parse';
import type { GoalCheck, LocalizedText, RecordMatcher } from './types';

export const LESSON_LIMITS = {
  titleChars: 200,
  textChars: 4000,
  keyChars: 300,
  /** Items of one sequence / all / any. */
  listItems: 50,
  /** Nesting of between / all / any. */
  checkDepth: 8,
  params: 16,
  narration: 200,
  pauses: 50,
  rules: 50,
  steps: 100_000,
} as const;

/** A `{ en, zh }` map of two non-empty strings. */
export function readText(ctx: Ctx, v: unknown, path: Path, maxChars: number): LocalizedText {
  if (v === undefined) {
    report(ctx, path, 'is required (a map with the en and zh texts)');
    return { en: '', zh: '' };
  }
  const m = readMap(ctx, v, path, ['en', 'zh'], 'a map with en and zh texts');
  if (m === undefined) return { en: '', zh: '' };
  const one = (lang: 'en' | 'zh'): string => {
    const s = own(m, lang);
    const p = [...path, lang];
    if (s === undefined) {
      report(ctx, p, `is required (the ${lang === 'en' ? 'English' : 'Simplified Chinese'} text)`);
      return '';
    }
    if (typeof s !== 'string') {
      report(ctx, p, `must be a string, got ${describeValue(s)}`);
      return '';
    }
    if (s.trim() === '') report(ctx, p, 'must not be empty');
    if (s.length > maxChars) report(ctx, p, `is too long (${s.length} characters; at most ${maxChars})`);
    return s;
  };
  return { en: one('en'), zh: one('zh') };
}

const MATCHER_KEYS = ['message', 'messagePrefix', 'component', 'arrow', 'lane', 'key', 'params', 'deleting'];

function nearMessages(id: string): string {
  const dot = id.indexOf('.');
  const family = dot > 0 ? id.slice(0, dot + 1) : id;
  const near = MESSAGE_IDS.filter((m) => m.startsWith(family)).slice(0, 6);
  return near.length > 0 ? `; known ids starting with ${quote(family)}: ${near.join(', ')}` : '';
}

/**
 * A matcher that names its message (or a prefix) may only ask for parameters those messages carry
 * (the catalog's declared names, src/engine/model/messages.ts); anything else could never match.
 */
function checkParamNames(
  ctx: Ctx,
  params: Readonly<Record<string, ParamValue>>,
  message: string | undefined,
  prefix: string | undefined,
  path: Path,
): void {
  const ids =
    message !== undefined && isMessageId(message)
      ? [message]
      : prefix !== undefined
        ? MESSAGE_IDS.filter((id) => id.startsWith(prefix))
        : [];
  if (ids.length === 0) return;
  const known = new Set<string>(ids.flatMap((id) => messageParamNames(id)));
  const what =
    message !== undefined ? `message ${quote(message)}` : `messages starting with ${quote(prefix!)}`;
  for (const k of Object.keys(params))
    if (!known.has(k))
      report(
        ctx,
        [...path, k],
        `${what} has no parameter ${quote(k)}; its parameters: ${[...known].join(', ') || 'none'}`,
      );
}

function readParamValue(ctx: Ctx, v: unknown, path: Path): ParamValue | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  report(ctx, path, `must be a string, number, boolean or null, got ${describeValue(v)}`);
  return undefined;
}

function readParams(ctx: Ctx, v: unknown, path: Path): Record<string, ParamValue> | undefined {
  if (!isRecord(v)) {
    report(ctx, path, `must be a map of parameter names to values, got ${describeValue(v)}`);
    return undefined;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) report(ctx, path, 'must name at least one parameter (or leave params out)');
  if (keys.length > LESSON_LIMITS.params) {
    report(ctx, path, `has too many parameters (${keys.length}; at most ${LESSON_LIMITS.params})`);
    return undefined;
  }
  const out: Record<string, ParamValue> = {};
  for (const k of keys) {
    if (FORBIDDEN_KEYS.has(k)) {
      report(ctx, [...path, k], `${quote(k)} is not allowed as a parameter name`);
      continue;
    }
    const pv = readParamValue(ctx, v[k], [...path, k]);
    if (pv !== undefined) out[k] = pv;
  }
  return out;
}

/** A RecordMatcher: at least one of its fields, each checked against what the engine emits. */
export function readMatcher(ctx: Ctx, v: unknown, path: Path): RecordMatcher {
  const m = readMap(
    ctx,
    v,
    path,
    MATCHER_KEYS,
    'a record matcher (a map of message, lane, key, params, ...)',
  );
  if (m === undefined) return {};
  const out: {
    message?: string;
    messagePrefix?: string;
    component?: Component;
    arrow?: Arrow;
    lane?: Kind;
    key?: string;
    params?: Record<string, ParamValue>;
    deleting?: boolean;
  } = {};
  const message = own(m, 'message');
  if (message !== undefined) {
    if (typeof message !== 'string')
      report(ctx, [...path, 'message'], `must be a string, got ${describeValue(message)}`);
    else if (!isMessageId(message))
      report(ctx, [...path, 'message'], `unknown message id ${quote(message)}${nearMessages(message)}`);
    else out.message = message;
  }
  const prefix = own(m, 'messagePrefix');
  if (prefix !== undefined) {
    if (typeof prefix !== 'string' || prefix === '')
      report(ctx, [...path, 'messagePrefix'], `must be a non-empty string, got ${describeValue(prefix)}`);
    else if (!MESSAGE_IDS.some((id) => id.startsWith(prefix)))
      report(ctx, [...path, 'messagePrefix'], `no message id starts with ${quote(prefix)}`);
    else out.messagePrefix = prefix;
  }
  const component = own(m, 'component');
  if (component !== undefined) {
    if ((COMPONENTS as readonly unknown[]).includes(component)) out.component = component as Component;
    else
      report(
        ctx,
        [...path, 'component'],
        `unknown component ${describeValue(component)}; expected one of ${COMPONENTS.join(', ')}`,
      );
  }
  const arrow = own(m, 'arrow');
  if (arrow !== undefined) {
    if (typeof arrow === 'number' && Number.isInteger(arrow) && arrow >= 1 && arrow <= 9)
      out.arrow = arrow as Arrow;
    else if ((NAMED_ARROWS as readonly unknown[]).includes(arrow)) out.arrow = arrow as Arrow;
    else
      report(
        ctx,
        [...path, 'arrow'],
        `unknown arrow ${describeValue(arrow)}; expected 1 to 9 or one of ${NAMED_ARROWS.join(', ')}`,
      );
  }
  const lane = own(m, 'lane');
  if (lane !== undefined) {
    if ((KINDS as readonly unknown[]).includes(lane)) out.lane = lane as Kind;
    else report(ctx, [...path, 'lane'], `unknown lane ${describeValue(lane)}; expected Foo or Deployment`);
  }
  const key = own(m, 'key');
  if (key !== undefined) {
    if (typeof key !== 'string' || key === '' || key.length > LESSON_LIMITS.keyChars)
      report(
        ctx,
        [...path, 'key'],
        `must be an object key like default/example-foo, got ${describeValue(key)}`,
      );
    else out.key = key;
  }
  const params = own(m, 'params');
  if (params !== undefined) {
    const p = readParams(ctx, params, [...path, 'params']);
    if (p !== undefined) {
      checkParamNames(ctx, p, out.message, out.messagePrefix, [...path, 'params']);
      out.params = p;
    }
  }
  const deleting = own(m, 'deleting');
  if (deleting !== undefined) {
    if (typeof deleting === 'boolean') out.deleting = deleting;
    else report(ctx, [...path, 'deleting'], `must be true or false, got ${describeValue(deleting)}`);
  }
  if (!MATCHER_KEYS.some((k) => own(m, k) !== undefined))
    report(
      ctx,
      path,
      `must give at least one of ${MATCHER_KEYS.join(', ')} (an empty matcher matches every record)`,
    );
  return out;
}

function readMatcherList(ctx: Ctx, v: unknown, path: Path): RecordMatcher[] {
  if (!Array.isArray(v) || v.length === 0) {
    report(ctx, path, `must be a non-empty list of record matchers, got ${describeValue(v)}`);
    return [];
  }
  if (v.length > LESSON_LIMITS.listItems) {
    report(ctx, path, `has too many items (${v.length}; at most ${LESSON_LIMITS.listItems})`);
    return [];
  }
  return v.map((item: unknown, i) => readMatcher(ctx, item, [...path, i]));
}

const CHECK_KEYS = ['sequence', 'count', 'absentBetween', 'between', 'all', 'any'] as const;

/** Stands in for a check that failed validation (never met; the lesson does not parse anyway). */
const INVALID: GoalCheck = { type: 'any', checks: [] };

/** A GoalCheck: a map with exactly one of sequence, count, absentBetween, between, all, any. */
export function readCheck(ctx: Ctx, v: unknown, path: Path, depth = 0): GoalCheck {
  const m = readMap(ctx, v, path, CHECK_KEYS, `a check (a map with one of ${CHECK_KEYS.join(', ')})`);
  if (m === undefined) return INVALID;
  const given = CHECK_KEYS.filter((k) => own(m, k) !== undefined);
  if (given.length !== 1) {
    const got = given.length === 0 ? 'none' : given.join(' and ');
    report(ctx, path, `must have exactly one of ${CHECK_KEYS.join(', ')}; got ${got}`);
    return INVALID;
  }
  if (depth >= LESSON_LIMITS.checkDepth) {
    report(ctx, path, `checks are nested too deeply (at most ${LESSON_LIMITS.checkDepth} levels)`);
    return INVALID;
  }
  const kind = given[0]!;
  const body = own(m, kind);
  const p = [...path, kind];
  switch (kind) {
    case 'sequence':
      return { type: 'sequence', matchers: readMatcherList(ctx, body, p) };
    case 'count': {
      const c = readMap(ctx, body, p, ['match', 'min', 'max'], 'a map of match, min and max');
      if (c === undefined) return INVALID;
      const matchV = own(c, 'match');
      if (matchV === undefined) report(ctx, [...p, 'match'], 'is required (a record matcher)');
      const match = matchV === undefined ? {} : readMatcher(ctx, matchV, [...p, 'match']);
      const minV = own(c, 'min');
      const maxV = own(c, 'max');
      if (minV === undefined && maxV === undefined) report(ctx, p, 'needs min, max or both');
      const bounds = { min: 0, max: 1_000_000 };
      const min = readInt(ctx, minV, [...p, 'min'], bounds, 0);
      const max = maxV === undefined ? null : readInt(ctx, maxV, [...p, 'max'], bounds, 0);
      if (max !== null && min > max) report(ctx, p, `min (${min}) must not be greater than max (${max})`);
      return { type: 'count', match, min, max };
    }
    case 'absentBetween': {
      const c = readMap(ctx, body, p, ['absent', 'after', 'before'], 'a map of absent, after and before');
      if (c === undefined) return INVALID;
      const req = (k: string): RecordMatcher => {
        const x = own(c, k);
        if (x === undefined) {
          report(ctx, [...p, k], 'is required (a record matcher)');
          return {};
        }
        return readMatcher(ctx, x, [...p, k]);
      };
      return { type: 'absentBetween', absent: req('absent'), after: req('after'), before: req('before') };
    }
    case 'between': {
      const c = readMap(ctx, body, p, ['after', 'before', 'check'], 'a map of after, before and check');
      if (c === undefined) return INVALID;
      const after = own(c, 'after');
      const before = own(c, 'before');
      const inner = own(c, 'check');
      if (inner === undefined)
        report(ctx, [...p, 'check'], 'is required (the check to run between the anchors)');
      return {
        type: 'between',
        after: after === undefined ? null : readMatcher(ctx, after, [...p, 'after']),
        before: before === undefined ? null : readMatcher(ctx, before, [...p, 'before']),
        check: inner === undefined ? INVALID : readCheck(ctx, inner, [...p, 'check'], depth + 1),
      };
    }
    case 'all':
    case 'any': {
      if (!Array.isArray(body) || body.length === 0) {
        report(ctx, p, `must be a non-empty list of checks, got ${describeValue(body)}`);
        return INVALID;
      }
      if (body.length > LESSON_LIMITS.listItems) {
        report(ctx, p, `has too many checks (${body.length}; at most ${LESSON_LIMITS.listItems})`);
        return INVALID;
      }
      const checks = body.map((c: unknown, i) => readCheck(ctx, c, [...p, i], depth + 1));
      return { type: kind, checks };
    }
  }
}
