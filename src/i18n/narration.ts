/**
 * Narration: a trace record told as a sentence in a language. The engine's catalog
 * (src/engine/model/messages.ts) gives each message id its parameter names and nothing in any language;
 * each language has one table (src/i18n/en/narration.ts, src/i18n/zh-CN/narration.ts) with a template per
 * id and the words for the tokens of closed-list parameters (`found`, `result`, `outcome`, ...).
 * `renderNarration` fills a template from the record's data, English being the fallback; unknown ids
 * render as the id itself. `renderLessonText` fills a lesson's own text from the record it matched, with
 * the same rules. The result is plain text, never HTML.
 */
import {
  isMessageId,
  MESSAGES,
  type MessageSpec,
  PARAM_TOKENS,
  type TokenParam,
} from '../engine/model/messages';
import type { ParamValue } from '../engine/model/trace';
import { narration as en } from './en/narration';
import { getLanguage, type Lang, narrationTable, t } from './index';
import type { NarrationTable } from './narration-table';

/**
 * The name of the component a record comes from. A modern lane's FIFO records (`realfifo.*`) share the
 * FIFO's component id with DeltaFIFO's, but their queue is client-go's RealFIFO, and they say so.
 */
export function componentLabel(component: string, message: string): string {
  return t(
    message.startsWith('realfifo.') ? 'inspectors.component.realfifo' : `inspectors.component.${component}`,
  );
}

/** What narration needs of a record: a TraceRecord, a RecordView (`rv`) or a timeline mark's record. */
export interface NarratedRecord {
  readonly message: string;
  readonly key: string | null;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly resourceVersion?: string | null;
  readonly rv?: string | null;
  readonly step?: number;
  readonly time?: number;
}

function isTokenParam(name: string): name is TokenParam {
  return Object.hasOwn(PARAM_TOKENS, name);
}

/** A placeholder's value: the parameter of that name, else the record's key, rv, step or time (ms). */
function placeholderValue(r: NarratedRecord, name: string): unknown {
  if (Object.hasOwn(r.params, name)) return r.params[name];
  if (name === 'key') return r.key;
  if (name === 'rv') return r.resourceVersion ?? r.rv;
  if (name === 'step') return r.step;
  if (name === 'time') return r.time;
  return undefined;
}

/** The words for a token parameter's value in a table, or undefined (not a token parameter or value). */
function tokenWords(table: NarrationTable, name: string, value: unknown): string | undefined {
  if (!isTokenParam(name)) return undefined;
  const words: Readonly<Record<string, string>> = table.tokens[name];
  const k = String(value);
  return Object.hasOwn(words, k) ? words[k] : undefined;
}

/**
 * Fills `{name}` placeholders from the record: token parameters by their words in `lang` (then English),
 * themselves filled one level deep; other values as text; a missing or null value as "—".
 */
function fillFromRecord(text: string, r: NarratedRecord, lang: Lang, nested: boolean): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = placeholderValue(r, name);
    const words = tokenWords(narrationTable(lang), name, v) ?? tokenWords(en, name, v);
    if (words !== undefined) return nested ? words : fillFromRecord(words, r, lang, true);
    return v === null || v === undefined ? '—' : String(v);
  });
}

/**
 * A record's narration sentence in `lang` (default: the active language), falling back to English, with
 * the suffix of each optional parameter the record carries (S38: the replica that served a request).
 */
export function renderNarration(r: NarratedRecord, lang: Lang = getLanguage()): string {
  if (!isMessageId(r.message)) return r.message;
  const template = narrationTable(lang).templates[r.message] ?? en.templates[r.message];
  let text = fillFromRecord(template, r, lang, false).trimEnd();
  const spec: MessageSpec = MESSAGES[r.message];
  for (const p of spec.optional ?? []) {
    const v = Object.hasOwn(r.params, p) ? r.params[p] : undefined;
    if (v === undefined || v === null) continue;
    text += fillFromRecord(narrationTable(lang).optional[p] ?? en.optional[p], r, lang, false);
  }
  return text;
}

/**
 * Fills a lesson text's `{<param>}`, `{key}`, `{rv}`, `{step}` and `{time}` placeholders from the record
 * it matched (a parameter of that name wins), token parameters in the text's language; with no record,
 * or for a name the record lacks, "—".
 */
export function renderLessonText(text: string, record: NarratedRecord | null, lang: Lang): string {
  if (record === null) return text.replace(/\{(\w+)\}/g, '—');
  return fillFromRecord(text, record, lang, false);
}
