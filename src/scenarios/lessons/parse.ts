/**
 * Lesson files (YAML or JSON, `apiVersion: informer-lab/v1`, `kind: Lesson`; docs/LESSONS.md) → the
 * validated `Lesson` of ./types.ts.
 *
 * A lesson embeds a scenario: its `seed`, `settings`, `objects` and `script` are exactly the Scenario
 * format's fields and are validated by the scenario validator (with the lesson's id as the scenario's
 * name), so every scenario rule and message applies unchanged. Everything else (metadata, rules, steps,
 * narration, pauses, goal) is validated here. As in scenario files, every problem is reported with its
 * field path and line, nothing is evaluated, and the functions never throw.
 */

import { LIMITS } from '../../engine/model/defaults';
import { SCENARIO_API_VERSION, type Scenario } from '../../engine/model/scenario';
import { describeValue, quote } from '../duration';
import {
  type Ctx,
  formatPath,
  LABEL_NAME,
  type LineMap,
  lineOf,
  own,
  type ParseFailure,
  type Path,
  parseDocumentText,
  readInt,
  readMap,
  readName,
  report,
  type ScenarioError,
  validateWithLines,
} from '../parse';
import { LESSON_LIMITS, readCheck, readMatcher, readText } from './read-check';
import { LESSON_KIND, type Lesson, type LessonNarration, type LessonPause, type PauseChoice } from './types';

export type LessonParseResult = { ok: true; lesson: Lesson } | ParseFailure;

const TOP_KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'rules',
  'steps',
  'seed',
  'settings',
  'objects',
  'script',
  'narration',
  'pauses',
  'goal',
];
const SCENARIO_PART = ['seed', 'settings', 'objects', 'script'] as const;
const RULE_ID = /^(S|R|D|F|I|SI|W|C|T|K)\d{1,3}$/;
const DEFAULT_WITHIN = 100;

function isArray(v: unknown): v is readonly unknown[] {
  return Array.isArray(v);
}

/** A list (absent = empty) of at most `max` items. */
function readList(ctx: Ctx, v: unknown, path: Path, max: number, what: string): readonly unknown[] {
  if (v === undefined) return [];
  if (!isArray(v)) {
    report(ctx, path, `must be a list of ${what}, got ${describeValue(v)}`);
    return [];
  }
  if (v.length > max) {
    report(ctx, path, `has too many items (${v.length}; at most ${max})`);
    return [];
  }
  return v;
}

function checkHeader(ctx: Ctx, doc: Readonly<Record<string, unknown>>): boolean {
  const v = own(doc, 'apiVersion');
  const kind = own(doc, 'kind');
  let ok = true;
  if (v !== SCENARIO_API_VERSION) {
    ok = false;
    const newer = typeof v === 'string' && /^informer-lab\/v([2-9]|\d{2,})/.test(v);
    report(
      ctx,
      ['apiVersion'],
      v === undefined
        ? `is required; this Informer Lab supports ${SCENARIO_API_VERSION}`
        : newer
          ? `${quote(v as string)} was made by a newer Informer Lab; this version supports ${SCENARIO_API_VERSION} only`
          : `unsupported apiVersion ${describeValue(v)}; supported: ${SCENARIO_API_VERSION}`,
    );
  }
  if (kind !== LESSON_KIND) {
    ok = false;
    const hint = kind === 'Scenario' ? ' (this is a scenario file: open it as a scenario)' : '';
    report(
      ctx,
      ['kind'],
      `must be ${LESSON_KIND}; ${kind === undefined ? 'it is missing' : `got ${describeValue(kind)}`}${hint}`,
    );
  }
  return ok;
}

function readRules(ctx: Ctx, v: unknown): string[] {
  if (v === undefined) {
    report(ctx, ['rules'], 'is required (the spec rule ids the lesson teaches, like [R11, S18])');
    return [];
  }
  const list = readList(ctx, v, ['rules'], LESSON_LIMITS.rules, 'spec rule ids');
  if (isArray(v) && v.length === 0) report(ctx, ['rules'], 'must name at least one spec rule id');
  const out: string[] = [];
  list.forEach((r, i) => {
    if (typeof r !== 'string' || !RULE_ID.test(r)) {
      report(ctx, ['rules', i], `must be a spec rule id like R11, SI3 or W9, got ${describeValue(r)}`);
    } else if (out.includes(r)) {
      report(ctx, ['rules', i], `${quote(r)} is listed twice`);
    } else {
      out.push(r);
    }
  });
  return out;
}

function readOptionalMatcher(ctx: Ctx, m: Readonly<Record<string, unknown>>, key: string, path: Path) {
  const v = own(m, key);
  return v === undefined ? null : readMatcher(ctx, v, [...path, key]);
}

function readRequiredMatcher(ctx: Ctx, m: Readonly<Record<string, unknown>>, key: string, path: Path) {
  const v = own(m, key);
  if (v === undefined) {
    report(ctx, [...path, key], 'is required (a record matcher)');
    return {};
  }
  return readMatcher(ctx, v, [...path, key]);
}

function readNarration(ctx: Ctx, v: unknown): LessonNarration[] {
  const out: LessonNarration[] = [];
  readList(ctx, v, ['narration'], LESSON_LIMITS.narration, 'narration entries').forEach((item, i) => {
    const path = ['narration', i];
    const m = readMap(ctx, item, path, ['when', 'after', 'text'], 'a map of when, after and text');
    if (m === undefined) return;
    out.push({
      when: readRequiredMatcher(ctx, m, 'when', path),
      after: readOptionalMatcher(ctx, m, 'after', path),
      text: readText(ctx, own(m, 'text'), [...path, 'text'], LESSON_LIMITS.textChars),
    });
  });
  return out;
}

function readChoices(ctx: Ctx, v: unknown, path: Path): PauseChoice[] {
  if (!isArray(v) || v.length < 2 || v.length > 4) {
    report(ctx, path, `must be a list of 2 to 4 choices, got ${describeValue(v)}`);
    return [];
  }
  const out: PauseChoice[] = [];
  v.forEach((item: unknown, i) => {
    const p = [...path, i];
    const m = readMap(ctx, item, p, ['id', 'text', 'check'], 'a map of id, text and check');
    if (m === undefined) return;
    const id = readName(ctx, own(m, 'id'), [...p, 'id'], LABEL_NAME);
    if (out.some((c) => c.id === id)) report(ctx, [...p, 'id'], `choice id ${quote(id)} is used twice`);
    const checkV = own(m, 'check');
    if (checkV === undefined)
      report(ctx, [...p, 'check'], 'is required (what the trace shows if this choice is right)');
    out.push({
      id,
      text: readText(ctx, own(m, 'text'), [...p, 'text'], LESSON_LIMITS.textChars),
      check: checkV === undefined ? { type: 'any', checks: [] } : readCheck(ctx, checkV, [...p, 'check']),
    });
  });
  return out;
}

const PAUSE_KEYS = [
  'id',
  'before',
  'after',
  'question',
  'choices',
  'answer',
  'explanation',
  'reveal',
  'within',
];

function readPauses(ctx: Ctx, v: unknown): LessonPause[] {
  const out: LessonPause[] = [];
  readList(ctx, v, ['pauses'], LESSON_LIMITS.pauses, 'pause points').forEach((item, i) => {
    const path = ['pauses', i];
    const m = readMap(ctx, item, path, PAUSE_KEYS, 'a pause point (a map of id, before, question, ...)');
    if (m === undefined) return;
    const id = readName(ctx, own(m, 'id'), [...path, 'id'], LABEL_NAME);
    if (out.some((p) => p.id === id)) report(ctx, [...path, 'id'], `pause id ${quote(id)} is used twice`);
    const choices = readChoices(ctx, own(m, 'choices'), [...path, 'choices']);
    const answerV = own(m, 'answer');
    let answer = '';
    if (typeof answerV !== 'string') {
      report(
        ctx,
        [...path, 'answer'],
        `is required (the id of the correct choice), got ${describeValue(answerV)}`,
      );
    } else if (choices.length > 0 && !choices.some((c) => c.id === answerV)) {
      report(
        ctx,
        [...path, 'answer'],
        `${quote(answerV)} is not one of the choices (${choices.map((c) => c.id).join(', ')})`,
      );
    } else {
      answer = answerV;
    }
    out.push({
      id,
      before: readRequiredMatcher(ctx, m, 'before', path),
      after: readOptionalMatcher(ctx, m, 'after', path),
      question: readText(ctx, own(m, 'question'), [...path, 'question'], LESSON_LIMITS.textChars),
      choices,
      answer,
      explanation: readText(ctx, own(m, 'explanation'), [...path, 'explanation'], LESSON_LIMITS.textChars),
      reveal: readRequiredMatcher(ctx, m, 'reveal', path),
      within: readInt(
        ctx,
        own(m, 'within'),
        [...path, 'within'],
        { min: 1, max: LESSON_LIMITS.steps },
        DEFAULT_WITHIN,
      ),
    });
  });
  return out;
}

interface ReadLesson {
  readonly lesson: Omit<Lesson, 'scenario' | 'era'>;
  /** The scenario part, ready for the scenario validator. */
  readonly scenarioDoc: Record<string, unknown>;
}

/**
 * A lesson says which era it teaches: `settings.era` is required here (a scenario may leave it out and
 * get classic). Its value is checked by the scenario validator.
 */
function checkEraGiven(ctx: Ctx, settings: unknown): void {
  const given =
    settings !== null &&
    typeof settings === 'object' &&
    !Array.isArray(settings) &&
    own(settings as Readonly<Record<string, unknown>>, 'era') !== undefined;
  if (!given)
    report(
      ctx,
      ['settings', 'era'],
      'is required in a lesson: classic (client-go 1.26, DeltaFIFO) or modern (client-go v0.36.3, RealFIFO), the era the lesson teaches',
    );
}

function readLesson(ctx: Ctx, doc: unknown, requireEra: boolean): ReadLesson | undefined {
  if (doc === undefined || doc === null) {
    report(ctx, [], `the lesson is empty; expected a map starting with apiVersion: ${SCENARIO_API_VERSION}`);
    return undefined;
  }
  const top = readMap(ctx, doc, [], TOP_KEYS, 'a map (apiVersion, kind, metadata, ...)');
  if (top === undefined) return undefined;
  if (!checkHeader(ctx, top)) return undefined;
  const meta = readMap(
    ctx,
    own(top, 'metadata') ?? {},
    ['metadata'],
    ['id', 'number', 'title', 'summary'],
    'a map',
  );
  if (own(top, 'metadata') === undefined)
    report(ctx, ['metadata'], 'is required (id, number, title, summary)');
  const m = meta ?? {};
  const id = readName(ctx, own(m, 'id'), ['metadata', 'id'], LABEL_NAME);
  const number = readInt(ctx, own(m, 'number'), ['metadata', 'number'], { min: 1, max: 999 }, undefined);
  const title = readText(ctx, own(m, 'title'), ['metadata', 'title'], LESSON_LIMITS.titleChars);
  const summary = readText(ctx, own(m, 'summary'), ['metadata', 'summary'], LESSON_LIMITS.textChars);
  if (requireEra) checkEraGiven(ctx, own(top, 'settings'));
  const rules = readRules(ctx, own(top, 'rules'));
  const steps = readInt(ctx, own(top, 'steps'), ['steps'], { min: 1, max: LESSON_LIMITS.steps }, undefined);
  const narration = readNarration(ctx, own(top, 'narration'));
  const pauses = readPauses(ctx, own(top, 'pauses'));
  const goalV = own(top, 'goal');
  if (goalV === undefined) report(ctx, ['goal'], 'is required (description and check)');
  const g =
    goalV === undefined ? undefined : readMap(ctx, goalV, ['goal'], ['description', 'check'], 'a map');
  if (g !== undefined && own(g, 'check') === undefined) report(ctx, ['goal', 'check'], 'is required');
  const goal = {
    description:
      g === undefined
        ? { en: '', zh: '' }
        : readText(ctx, own(g, 'description'), ['goal', 'description'], LESSON_LIMITS.textChars),
    check:
      g === undefined || own(g, 'check') === undefined
        ? ({ type: 'any', checks: [] } as const)
        : readCheck(ctx, own(g, 'check'), ['goal', 'check']),
  };
  const scenarioDoc: Record<string, unknown> = {
    apiVersion: SCENARIO_API_VERSION,
    kind: 'Scenario',
    metadata: {
      name: LABEL_NAME.valid(id) ? id : 'lesson',
      title: title.en.slice(0, LIMITS.titleChars),
      description: summary.en,
    },
  };
  for (const k of SCENARIO_PART) if (own(top, k) !== undefined) scenarioDoc[k] = own(top, k);
  return {
    lesson: {
      apiVersion: SCENARIO_API_VERSION,
      id,
      number,
      title,
      summary,
      rules,
      steps,
      narration,
      pauses,
      goal,
    },
    scenarioDoc,
  };
}

function validateLessonWithLines(
  value: unknown,
  lineMap: LineMap | undefined,
  requireEra = true,
): LessonParseResult {
  const ctx: Ctx = { problems: [], dropped: 0 };
  let read: ReadLesson | undefined;
  let scenario: Scenario | undefined;
  let scenarioErrors: ScenarioError[] = [];
  try {
    read = readLesson(ctx, value, requireEra);
    if (read !== undefined) {
      // The scenario part's paths (seed, settings..., objects[i]..., script[i]...) are the same in the
      // lesson document, so the scenario validator finds their lines in the lesson's own node tree.
      const r = validateWithLines(read.scenarioDoc, lineMap);
      if (r.ok) scenario = r.scenario;
      else scenarioErrors = r.errors;
    }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: '', message: `could not read the lesson: ${msg.slice(0, 300)}` }] };
  }
  if (
    ctx.problems.length === 0 &&
    scenarioErrors.length === 0 &&
    read !== undefined &&
    scenario !== undefined
  )
    return { ok: true, lesson: { ...read.lesson, era: scenario.settings.era, scenario } };
  const own: ScenarioError[] = ctx.problems.map(({ path, message }) => {
    const line = lineMap === undefined ? undefined : lineOf(lineMap, path);
    return line === undefined
      ? { path: formatPath(path), message }
      : { path: formatPath(path), line, message };
  });
  const errors = [...own, ...scenarioErrors.filter((e) => !e.message.startsWith('...and '))];
  errors.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  const shown = errors.slice(0, LIMITS.errors);
  const more =
    ctx.dropped > 0 ||
    errors.length > shown.length ||
    (scenarioErrors.length > 0 && scenarioErrors.at(-1)!.message.startsWith('...and '));
  if (more) shown.push({ path: '', message: '...and more problems' });
  return { ok: false, errors: shown };
}

/** How a lesson text is read. */
export interface LessonParseOptions {
  /**
   * A lesson made before lessons declared their era (one carried by an older link) may leave out
   * `settings.era` and is read as classic, as such links always meant. Lesson files must give it.
   */
  readonly eraOptional?: boolean;
}

/** Parse YAML or JSON lesson text and validate it (the embedded scenario gets its defaults). Never throws. */
export function parseLesson(text: string, options: LessonParseOptions = {}): LessonParseResult {
  const requireEra = options.eraOptional !== true;
  return parseDocumentText(text, 'lesson', (v, lines) => validateLessonWithLines(v, lines, requireEra));
}

/** Validate an already-parsed lesson value (e.g. from a link); errors carry no lines. Never throws. */
export function validateLesson(value: unknown): LessonParseResult {
  return validateLessonWithLines(value, undefined);
}
