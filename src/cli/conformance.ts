/**
 * `npm run conformance -- [DIR ...]`: replays every `*.script.json` under the given directories (default:
 * the repository's copies, `conformance/vectors` for client-go v0.26.15 and `conformance/vectors-v0.36` for
 * v0.36.3) and compares each produced line with the recorded trace. A script's `clientGo` marker chooses
 * the pipeline: classic (DeltaFIFO, LIST then WATCH) without one, modern (RealFIFO, WatchList) for v0.36.3.
 *
 * Output (conformance/README.md): one `FAIL <component>/<name> op #<i> (<op>): expected <json> got <json>`
 * line per failing vector, then one line per client-go version with its counts, then exactly one summary
 * line `conformance: <N> passed, <M> failed` over every vector. Exit 0 only when nothing failed and at
 * least one vector ran. Runs under tsx: no type-checking or test runner on this path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runVector } from './conformance/run-vector';

function findScripts(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) findScripts(p, out);
    else if (name.endsWith('.script.json')) out.push(p);
  }
}

function main(argv: string[]): number {
  const here = dirname(fileURLToPath(import.meta.url));
  const dirs =
    argv.length > 0
      ? argv
      : [resolve(here, '../../conformance/vectors'), resolve(here, '../../conformance/vectors-v0.36')];
  const scripts: string[] = [];
  for (const d of dirs) {
    try {
      findScripts(resolve(d), scripts);
    } catch (e) {
      console.error(`conformance: cannot read ${d}: ${(e as Error).message}`);
      return 2;
    }
  }
  let passed = 0;
  let failed = 0;
  /** Per client-go version (in the order first met): [passed, failed]. */
  const bySet = new Map<string, [number, number]>();
  for (const scriptPath of scripts) {
    const name = basename(scriptPath, '.script.json');
    const tracePath = scriptPath.replace(/\.script\.json$/, '.trace.jsonl');
    const result = runVector(readFileSync(scriptPath, 'utf8'), readFileSync(tracePath, 'utf8'), name);
    const set = result.clientGo ?? 'unreadable';
    const counts = bySet.get(set) ?? [0, 0];
    bySet.set(set, counts);
    if (result.failure === null) {
      passed++;
      counts[0]++;
    } else {
      failed++;
      counts[1]++;
      console.log(result.failure);
    }
  }
  for (const [set, [p, f]] of bySet) console.log(`  client-go ${set}: ${p} passed, ${f} failed`);
  console.log(`conformance: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
