/**
 * Scenario files (YAML or JSON, `apiVersion: informer-lab/v1`, `kind: Scenario`; docs/SCENARIOS.md) →
 * the validated, normalized Scenario of src/engine/model/scenario.ts, and back (`scenarioToYaml`).
 *
 * This is the facade of the scenario reader and writer; the work is done in
 *   read/text.ts      text → plain value (size cap, JSON fast path, YAML), field path → line
 *   read/scenario.ts  the document: version, metadata, seed; validateScenario
 *   read/settings.ts, read/objects.ts, read/script.ts, read/names.ts   the parts
 *   read/core.ts      problems with paths, and the generic readers (lessons/ uses them too)
 *   write.ts          the one writer (full form for export, compact form for links)
 *   check.ts          the one check of values in normalized form (no text round trip)
 *
 * Every problem is reported, not just the first, each with its field path and, for text, its line.
 * Input is hostile data: nothing is evaluated, only own properties are read, sizes are capped
 * (LIMITS), and the functions never throw (an unexpected exception becomes an error result).
 */
import type { ParseResult } from './read/core';
import { validateWithLines } from './read/scenario';
import { parseDocumentText } from './read/text';

export { DEFAULT_SETTINGS } from '../engine/model/defaults';
export { parseDuration } from './duration';
export {
  type Ctx,
  checkKeys,
  errorText,
  FORBIDDEN_KEYS,
  formatPath,
  formatScenarioError,
  isRecord,
  own,
  type ParseFailure,
  type ParseResult,
  type Path,
  type Rec,
  readInt,
  readMap,
  readString,
  report,
  type ScenarioError,
} from './read/core';
export { LABEL_NAME, type NameRule, readName } from './read/names';
export { validateScenario, validateWithLines } from './read/scenario';
export { type LineMap, lineOf, parseDocumentText } from './read/text';
export { scenarioToYaml } from './write';

/** Parse YAML or JSON scenario text, validate it and fill defaults. Never throws. */
export function parseScenario(text: string): ParseResult {
  return parseDocumentText(text, 'scenario', validateWithLines);
}
