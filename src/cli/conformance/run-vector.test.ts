/**
 * The conformance replay's choice of pipeline by the `clientGo` marker (conformance/README.md): the
 * workqueue did not change between v0.26.15 and v0.36.3, so every classic workqueue vector replayed as
 * v0.36.3 gives its recorded trace; a v0.36.3 informer script replayed as classic does not (the classic
 * reflector lists where the modern one streams); an unknown version is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLASSIC_CLIENT_GO, MODERN_CLIENT_GO, runVector } from './run-vector';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../conformance');

function vectors(dir: string): Array<{ name: string; script: string; trace: string }> {
  const d = join(root, dir);
  return readdirSync(d)
    .filter((f) => f.endsWith('.script.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.script\.json$/, '');
      return {
        name,
        script: readFileSync(join(d, f), 'utf8'),
        trace: readFileSync(join(d, `${name}.trace.jsonl`), 'utf8'),
      };
    });
}

function withClientGo(scriptText: string, clientGo: string | null): string {
  const s = JSON.parse(scriptText) as Record<string, unknown>;
  delete s.clientGo;
  return JSON.stringify(clientGo === null ? s : { clientGo, ...s });
}

describe('the clientGo marker chooses the pipeline', () => {
  it('every classic workqueue vector replayed as v0.36.3 gives the recorded trace', () => {
    const wq = vectors('vectors/workqueue');
    expect(wq.length).toBeGreaterThan(50);
    for (const v of wq) {
      const r = runVector(withClientGo(v.script, MODERN_CLIENT_GO), v.trace, v.name);
      expect(r).toEqual({ clientGo: MODERN_CLIENT_GO, failure: null });
    }
  });

  it('a v0.36.3 informer vector passes as recorded and fails through the classic pipeline', () => {
    const [v] = vectors('vectors-v0.36/informer').filter((x) => x.name === 'inf_watchlist_happy_path');
    expect(runVector(v!.script, v!.trace, v!.name)).toEqual({ clientGo: MODERN_CLIENT_GO, failure: null });
    const classic = runVector(withClientGo(v!.script, null), v!.trace, v!.name);
    expect(classic.clientGo).toBe(CLASSIC_CLIENT_GO);
    expect(classic.failure).toMatch(
      /^FAIL informer\/inf_watchlist_happy_path op #4 \(start\): expected .*"list"/,
    );
  });

  it('a classic deltafifo vector has no v0.36.3 harness; an unknown client-go version is refused', () => {
    const [v] = vectors('vectors/deltafifo');
    expect(runVector(withClientGo(v!.script, MODERN_CLIENT_GO), v!.trace, v!.name).failure).toMatch(
      /expected <known component> got "deltafifo"/,
    );
    expect(runVector(withClientGo(v!.script, 'v0.30.0'), v!.trace, v!.name)).toEqual({
      clientGo: 'v0.30.0',
      failure: `FAIL deltafifo/${v!.name} op #0 (?): expected <known clientGo> got "v0.30.0"`,
    });
  });
});
