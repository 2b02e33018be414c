/**
 * `npm run conformance -- [DIR ...]`: replays every `*.script.json` under the given directories
 * (default: the repository's copy in `conformance/vectors`) through the simulation's own DeltaFIFO,
 * indexer, informer and workqueue, and compares each produced line with the recorded trace.
 *
 * Output (shared/conformance/README.md): one `FAIL <component>/<name> op #<i> (<op>): expected <json> got
 * <json>` line per failing vector, then `conformance: <N> passed, <M> failed`. Exit 0 only when nothing
 * failed and at least one vector ran. Runs under tsx: no type-checking or test runner on this path.
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
  const dirs = argv.length > 0 ? argv : [resolve(here, '../../conformance/vectors')];
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
  for (const scriptPath of scripts) {
    const name = basename(scriptPath, '.script.json');
    const tracePath = scriptPath.replace(/\.script\.json$/, '.trace.jsonl');
    const result = runVector(readFileSync(scriptPath, 'utf8'), readFileSync(tracePath, 'utf8'), name);
    if (result === null) passed++;
    else {
      failed++;
      console.log(result);
    }
  }
  console.log(`conformance: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
