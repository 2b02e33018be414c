/**
 * `npm run sim -- <scenario> [--seed N] [--era classic|modern] [--steps N] [--format text|jsonl]`: runs a scenario headless and
 * prints its trace; `--era` overrides the scenario's `settings.era`. <scenario> is a YAML/JSON file or the name of a built-in scenario (`default`, ...).
 * `text` prints one line per record with its English narration (src/i18n/narration.ts); `jsonl` prints
 * each record in the one JSON shape the event-log export uses too (src/engine/model/record-json.ts).
 *
 * A reader that stops early (`npm run sim -- default | head`) closes the pipe: that is the reader's
 * choice, not an error, so EPIPE on stdout ends the run quietly with exit code 0 (as `yes | head`
 * does). The loop waits after each chunk it writes until the reader has taken it (backpressure), so a
 * long run neither piles its output up in memory (which ended in ENOBUFS) nor goes on computing after
 * the reader has gone.
 */
import { readFileSync } from 'node:fs';
import { recordToJsonLine } from '../engine/model/record-json';
import type { Era, Scenario } from '../engine/model/scenario';
import type { TraceRecord } from '../engine/model/trace';
import { recordView } from '../engine/model/views';
import { createWorld } from '../engine/sim/create-world';
import { stepWorld } from '../engine/sim/step';
import type { SimContext } from '../engine/sim/world';
import { renderNarration } from '../i18n/narration';
import { libraryScenario, SCENARIO_LIBRARY } from '../scenarios/library';
import { formatScenarioError, parseScenario } from '../scenarios/parse';

interface Args {
  scenario: string;
  seed: number | null;
  era: Era | null;
  steps: number;
  format: 'text' | 'jsonl';
}

const USAGE =
  'usage: npm run sim -- <scenario-file|name> [--seed N] [--era classic|modern] [--steps N] [--format text|jsonl]';

function parseArgs(argv: string[]): Args | string {
  let scenario: string | null = null;
  let seed: number | null = null;
  let era: Era | null = null;
  let steps = 500;
  let format: 'text' | 'jsonl' = 'text';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = (): string | null => argv[++i] ?? null;
    if (a === '--seed') {
      const v = Number(val());
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff)
        return '--seed takes an integer from 0 to 4294967295';
      seed = v;
    } else if (a === '--era') {
      const v = val();
      if (v !== 'classic' && v !== 'modern') return '--era is classic or modern';
      era = v;
    } else if (a === '--steps') {
      const v = Number(val());
      if (!Number.isInteger(v) || v < 0) return '--steps takes a whole number';
      steps = v;
    } else if (a === '--format') {
      const v = val();
      if (v !== 'text' && v !== 'jsonl') return '--format is text or jsonl';
      format = v;
    } else if (a === '-h' || a === '--help') {
      return USAGE;
    } else if (a.startsWith('--')) {
      return `unknown option ${a}\n${USAGE}`;
    } else if (scenario === null) {
      scenario = a;
    } else {
      return `unexpected argument ${a}\n${USAGE}`;
    }
  }
  if (scenario === null)
    return `${USAGE}\nbuilt-in scenarios: ${SCENARIO_LIBRARY.map((s) => s.name).join(', ')}`;
  return { scenario, seed, era, steps, format };
}

export function loadScenario(ref: string): Scenario | string {
  const lib = libraryScenario(ref);
  let text: string;
  if (lib !== undefined) text = lib.yaml;
  else {
    try {
      text = readFileSync(ref, 'utf8');
    } catch (e) {
      return `cannot read scenario ${ref}: ${(e as Error).message} (built-in: ${SCENARIO_LIBRARY.map((s) => s.name).join(', ')})`;
    }
  }
  const r = parseScenario(text);
  if (!r.ok)
    return `${ref}: invalid scenario\n${r.errors.map((e) => `  ${formatScenarioError(e)}`).join('\n')}`;
  return r.scenario;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** One record as a text line: time, step, lane, component, arrow, then its English narration. */
export function formatText(r: TraceRecord): string {
  const t = `${(r.time / 1000).toFixed(3).padStart(9)}s`;
  const arrow = typeof r.arrow === 'number' ? `(${r.arrow})` : r.arrow;
  return `${t} #${String(r.step).padStart(6)} ${pad(r.lane ?? '-', 10)} ${pad(r.component, 10)} ${pad(arrow, 11)} ${renderNarration(r, 'en')}`;
}

/** One record as a JSON line, in the shape of the event-log export. */
export function formatJsonLine(r: TraceRecord): string {
  return recordToJsonLine(recordView(r));
}

/** Lines are written in chunks of this many; the run waits for the reader after each chunk. */
const CHUNK_LINES = 4096;

/** Ends the process quietly (exit 0) when stdout's reader has gone away; other errors still throw. */
function quietOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') exit(0);
    else throw e;
  });
}

/**
 * Writes a chunk and resolves once the stream can take more (at once, or at 'drain'), after a turn of
 * the event loop either way, so that a closed pipe's error is seen before the next chunk is computed.
 */
function writeChunk(stream: NodeJS.WriteStream, chunk: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(chunk)) setImmediate(resolve);
    else stream.once('drain', () => resolve());
  });
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  const loaded = loadScenario(args.scenario);
  if (typeof loaded === 'string') {
    console.error(loaded);
    return 2;
  }
  const seeded = args.seed === null ? loaded : { ...loaded, seed: args.seed };
  const scenario =
    args.era === null ? seeded : { ...seeded, settings: { ...seeded.settings, era: args.era } };
  const ctx: SimContext = { scenario, script: [...scenario.script] };
  const w = createWorld(scenario);
  const lines: string[] = [];
  while (w.step < args.steps) {
    const recs = stepWorld(w, ctx);
    if (recs === null) break;
    for (const r of recs) lines.push(args.format === 'text' ? formatText(r) : formatJsonLine(r));
    if (lines.length >= CHUNK_LINES) {
      await writeChunk(process.stdout, `${lines.join('\n')}\n`);
      lines.length = 0;
    }
  }
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ''))) {
  quietOnClosedPipe(process.stdout, (code) => process.exit(code));
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
