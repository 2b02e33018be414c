/**
 * Scenario and lesson text (YAML or JSON) → a plain value, with a map from field paths back to lines.
 *
 * - The text is capped (LIMITS.textBytes of UTF-8) before it is parsed.
 * - JSON text (first character `{`) takes a fast path through JSON.parse (the `yaml` parser manages
 *   about 1 MB/s; the benchmark scenario is ~1 MB). JSON semantics apply there: a repeated key keeps
 *   its last value. Line numbers for its errors still come from the YAML node tree (JSON is YAML).
 * - YAML is read with the core schema, unique keys, no merge keys, string keys and at most 100 alias
 *   expansions; syntax errors come back with their lines.
 * - `lineOf` finds the line of a field path by walking the `yaml` package's node tree with a LineCounter.
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { LIMITS } from '../../engine/model/defaults';
import { describeValue } from '../duration';
import { errorText, failure, type ParseFailure, type Path, type ScenarioError } from './core';

/** The parsed YAML node tree of a text, to find the line of a field path (lineOf). */
export interface LineMap {
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** The 1-based line of the deepest node on `path` (the key, for a map entry). */
export function lineOf({ doc, lines }: LineMap, path: Path): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as Node | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      if (pair === undefined) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      offset = (item as Node).range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    } else n += 3;
  }
  return n;
}

/**
 * The text front-end of scenario and lesson files: size cap, JSON fast path, YAML syntax errors with
 * lines, then `validate(value, lineMap)`. `what` names the document in messages. Never throws.
 */
export function parseDocumentText<T extends { ok: true }>(
  text: string,
  what: string,
  validate: (value: unknown, lineMap: LineMap | undefined) => T | ParseFailure,
): T | ParseFailure {
  try {
    if (typeof text !== 'string') return failure(`expected ${what} text, got ${describeValue(text)}`);
    const max = LIMITS.textBytes;
    if (text.length > max || (text.length * 3 > max && utf8Length(text) > max)) {
      return failure(`the ${what} text is too large (more than ${max / (1024 * 1024)} MB)`);
    }
    const json = /^\uFEFF?\s*\{/.test(text) ? parseJson(text.replace(/^\uFEFF/, '')) : undefined;
    if (json !== undefined) {
      const r = validate(json.value, undefined);
      if (r.ok) return r;
      // Same problems, now with lines from the YAML node tree (JSON is YAML).
      return validate(json.value, tryParseYaml(text)?.lineMap);
    }
    const parsed = tryParseYaml(text);
    if (parsed === undefined) return failure('YAML: the document could not be parsed');
    const { doc, lines } = parsed.lineMap;
    if (doc.errors.length > 0) {
      const seen = new Set<string>();
      const errors: ScenarioError[] = [];
      for (const e of doc.errors) {
        const line = lines.linePos(e.pos[0]).line;
        const text = errorText(e).replace(
          /^Maximum call stack size exceeded$/,
          'the document is nested too deeply',
        );
        const message = `YAML syntax: ${text}`;
        if (seen.has(`${line}:${message}`) || errors.length >= LIMITS.errors) continue;
        seen.add(`${line}:${message}`);
        errors.push({ path: '', line, message });
      }
      return { ok: false, errors };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return failure(`YAML: ${errorText(e)}`);
    }
    return validate(value, parsed.lineMap);
  } catch (e) {
    return failure(`could not read the ${what}: ${errorText(e)}`);
  }
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined; // not strict JSON: read it as YAML
  }
}

function tryParseYaml(text: string): { lineMap: LineMap } | undefined {
  try {
    const lines = new LineCounter();
    const doc = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: true,
      merge: false,
      schema: 'core',
      stringKeys: true,
      logLevel: 'error', // not 'silent': that would also drop the "multiple documents" error
    });
    return { lineMap: { doc, lines } };
  } catch {
    return undefined;
  }
}
