/**
 * A whole scenario document (a plain value: from YAML, JSON, a link or the writer) → the validated,
 * normalized Scenario of src/engine/model/scenario.ts: version check, metadata and seed, then the
 * settings, objects and script readers, then the cross-check of owners.
 *
 * Every problem is reported, not just the first, each with its field path and, when a LineMap of the
 * text is given, its line; the result is sorted by line to read like a compiler's. Never throws: an
 * unexpected exception becomes an error result.
 */
import { DEFAULT_SEED, LIMITS } from '../../engine/model/defaults';
import { SCENARIO_API_VERSION, type Scenario } from '../../engine/model/scenario';
import { describeValue, quote } from '../duration';
import {
  type Ctx,
  checkKeys,
  errorText,
  failure,
  formatPath,
  isRecord,
  own,
  type ParseResult,
  type Rec,
  readInt,
  readMap,
  readString,
  report,
  type ScenarioError,
} from './core';
import { LABEL_NAME, readName } from './names';
import { readObjects } from './objects';
import { checkOwners, readScript } from './script';
import { readSettings } from './settings';
import { type LineMap, lineOf } from './text';

const TOP_KEYS = ['apiVersion', 'kind', 'metadata', 'seed', 'settings', 'objects', 'script'];
const API_GROUP = SCENARIO_API_VERSION.slice(0, SCENARIO_API_VERSION.indexOf('/'));
const API_MAJOR = Number(SCENARIO_API_VERSION.slice(SCENARIO_API_VERSION.indexOf('/v') + 2));

/** false = stop: the rest of the document cannot be read with this version's rules. */
function checkVersion(ctx: Ctx, doc: Rec): boolean {
  const v = own(doc, 'apiVersion');
  const kind = own(doc, 'kind');
  let ok = true;
  if (v !== SCENARIO_API_VERSION) {
    ok = false;
    const m = typeof v === 'string' ? /^([^/]+)\/v(\d+)((?:alpha|beta)\d*)?$/.exec(v) : null;
    if (v === undefined) {
      report(ctx, ['apiVersion'], `is required; this Informer Lab supports ${SCENARIO_API_VERSION}`);
    } else if (m !== null && m[1] === API_GROUP && Number(m[2]) > API_MAJOR) {
      report(
        ctx,
        ['apiVersion'],
        `${quote(v as string)} was made by a newer Informer Lab; this version supports ${SCENARIO_API_VERSION} only`,
      );
    } else {
      report(
        ctx,
        ['apiVersion'],
        `unsupported apiVersion ${describeValue(v)}; supported: ${SCENARIO_API_VERSION}`,
      );
    }
  }
  if (kind !== 'Scenario') {
    ok = false;
    const got = kind === undefined ? 'it is missing' : `got ${describeValue(kind)}`;
    report(ctx, ['kind'], `must be Scenario; ${got}`);
  }
  return ok;
}

function readScenario(ctx: Ctx, doc: unknown): Scenario | undefined {
  if (doc === undefined || doc === null) {
    report(
      ctx,
      [],
      `the scenario is empty; expected a map starting with apiVersion: ${SCENARIO_API_VERSION}`,
    );
    return undefined;
  }
  if (!isRecord(doc)) {
    report(
      ctx,
      [],
      `the scenario must be a map (apiVersion, kind, metadata, ...), got ${describeValue(doc)}`,
    );
    return undefined;
  }
  if (!checkVersion(ctx, doc)) return undefined;
  checkKeys(ctx, doc, [], TOP_KEYS);

  const meta =
    readMap(ctx, own(doc, 'metadata'), ['metadata'], ['name', 'title', 'description'], 'a map') ?? {};
  const nameV = own(meta, 'name');
  const name = readName(ctx, nameV, ['metadata', 'name'], LABEL_NAME);
  const title = readString(ctx, own(meta, 'title'), ['metadata', 'title'], name, LIMITS.titleChars);
  const description = readString(
    ctx,
    own(meta, 'description'),
    ['metadata', 'description'],
    '',
    LIMITS.descriptionChars,
  );
  const seed = readInt(ctx, own(doc, 'seed'), ['seed'], { min: 0, max: 0xffffffff }, DEFAULT_SEED);
  const settings = readSettings(ctx, own(doc, 'settings'), ['settings']);
  const objects = readObjects(ctx, own(doc, 'objects'), ['objects']);
  const script = readScript(ctx, own(doc, 'script'), ['script']);
  checkOwners(ctx, objects, script);
  return {
    apiVersion: SCENARIO_API_VERSION,
    name,
    title,
    description,
    seed,
    settings,
    objects: objects.map((r) => r.manifest),
    script: script.map((r) => r.action),
  };
}

/** Validate an already-parsed value (e.g. from JSON.parse or a URL codec). Never throws. */
export function validateScenario(doc: unknown): ParseResult {
  return validateWithLines(doc, undefined);
}

/** validateScenario with line numbers from `lineMap` (the lesson validator reuses it for its scenario part). */
export function validateWithLines(value: unknown, lineMap: LineMap | undefined): ParseResult {
  const ctx: Ctx = { problems: [], dropped: 0 };
  let scenario: Scenario | undefined;
  try {
    scenario = readScenario(ctx, value);
  } catch (e) {
    return failure(`could not read the scenario: ${errorText(e)}`);
  }
  if (ctx.problems.length === 0 && scenario !== undefined) return { ok: true, scenario };
  const errors: ScenarioError[] = ctx.problems.map(({ path, message }) => {
    const line = lineMap === undefined ? undefined : lineOf(lineMap, path);
    return line === undefined
      ? { path: formatPath(path), message }
      : { path: formatPath(path), line, message };
  });
  // Reading order is mostly file order; cross-checks come last. Sort by line (stable) to read like a compiler.
  errors.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  if (ctx.dropped > 0) errors.push({ path: '', message: `...and ${ctx.dropped} more problems` });
  return { ok: false, errors };
}
