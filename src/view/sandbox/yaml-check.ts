/**
 * The sandbox's YAML editor, as pure functions: the text holds a scenario without its `settings` (the
 * form holds those), is validated by `parseScenario` (src/scenarios/parse.ts) and its problems are
 * listed by line; a whole scenario file splits into the editor's text and the form's settings; and a
 * lesson edited only in its settings stays a lesson (a link then names it with its changes).
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Scenario, Settings } from '../../engine/model/scenario';
import { parseScenario } from '../../scenarios/parse';

export interface YamlProblem {
  /** 1-based line, when known. */
  readonly line?: number;
  /** The field path ("script[2].at"), "" for the whole text. */
  readonly path: string;
  /** The validator's message (English), or '' for a problem named by `code`. */
  readonly message: string;
  /** The text has a `settings` block: those belong in the form. */
  readonly code?: 'settings-in-text';
}

export type BodyCheck =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly YamlProblem[] };

/** The line of a top-level `settings` key, or null when there is none (or the text is not YAML). */
export function settingsLine(text: string): number | null {
  try {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
    const contents = doc.contents as { items?: { key?: { value?: unknown; range?: number[] } }[] } | null;
    const pair = contents?.items?.find((it) => it.key?.value === 'settings');
    if (pair === undefined) return null;
    const at = pair.key?.range?.[0];
    return at === undefined ? 1 : lines.linePos(at).line;
  } catch {
    return null;
  }
}

/** Validates the editor's text (a scenario without settings). Never throws. */
export function checkBody(text: string): BodyCheck {
  const r = parseScenario(text);
  const problems: YamlProblem[] = [];
  const sl = settingsLine(text);
  if (sl !== null) problems.push({ line: sl, path: 'settings', message: '', code: 'settings-in-text' });
  if (!r.ok) {
    for (const e of r.errors)
      problems.push(e.line === undefined ? { path: e.path, message: e.message } : { ...e });
    problems.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  }
  return problems.length === 0 && r.ok ? { ok: true, scenario: r.scenario } : { ok: false, problems };
}

/** The editor's scenario with the form's settings. */
export function composeScenario(body: Scenario, settings: Settings): Scenario {
  return { ...body, settings };
}

export type SplitResult =
  | { readonly ok: true; readonly body: string; readonly settings: Settings }
  | { readonly ok: false; readonly problems: readonly YamlProblem[] };

/**
 * A whole scenario file → the editor's text (the file without its `settings` block, comments and
 * layout kept) and the form's settings. A file with problems is refused, with them.
 */
export function splitScenarioText(text: string): SplitResult {
  const r = parseScenario(text);
  if (!r.ok) {
    return {
      ok: false,
      problems: r.errors.map((e) => (e.line === undefined ? { path: e.path, message: e.message } : { ...e })),
    };
  }
  let body: string;
  try {
    const doc = parseDocument(text);
    doc.delete('settings');
    body = String(doc);
  } catch {
    return { ok: false, problems: [{ path: '', message: 'the file could not be read as YAML' }] };
  }
  return { ok: true, body, settings: r.scenario.settings };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The settings `next` changes relative to a lesson's scenario, when nothing else differs (objects,
 * script, seed, name and texts); null when something else does. Each changed setting is given whole.
 */
export function lessonChanges(lesson: Scenario, next: Scenario): Partial<Settings> | null {
  const { settings: a, ...restA } = lesson;
  const { settings: b, ...restB } = next;
  if (!same(restA, restB)) return null;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(a) as (keyof Settings)[]) if (!same(a[k], b[k])) out[k] = b[k];
  return out as Partial<Settings>;
}
