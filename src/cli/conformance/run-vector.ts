/**
 * Replays one vector: picks the harness by the script's client-go version (the `clientGo` marker; a script
 * without one is classic v0.26.15) and component, and compares each produced line with the recorded one.
 */
import { replay as deltafifo } from './deltafifo';
import { replay as informer } from './informer';
import { replay as informerModern } from './informer-modern';
import { jsonEqual } from './json-equal';
import { replay as realfifo } from './realfifo';
import type { Harness, TraceLine, VectorScript } from './types';
import { replay as workqueue } from './workqueue';

/** The client-go version of a script without a `clientGo` marker (conformance/README.md). */
export const CLASSIC_CLIENT_GO = 'v0.26.15';
/** The modern mode's client-go version. */
export const MODERN_CLIENT_GO = 'v0.36.3';

/**
 * Harnesses per client-go version and component. The workqueue did not change between the two versions
 * (conformance/README.md, "Workqueue under v0.36.3"): a v0.36.3 workqueue script replays through the same
 * workqueue, as the real v0.36.3 typed queue gave the classic traces byte for byte.
 */
const harnesses: Readonly<Record<string, Readonly<Record<string, Harness>>>> = {
  [CLASSIC_CLIENT_GO]: { deltafifo, workqueue, informer },
  [MODERN_CLIENT_GO]: { realfifo, informer: informerModern, workqueue },
};

export interface VectorResult {
  /** The script's client-go version (the set it counts in), or null when the script could not be read. */
  readonly clientGo: string | null;
  /** null when every line matched, else the README's FAIL line for the first differing line. */
  readonly failure: string | null;
}

/** Replays one vector (a missing or extra line, or a harness error, also fails it). */
export function runVector(scriptText: string, traceText: string, name: string): VectorResult {
  let script: VectorScript;
  let expected: TraceLine[];
  try {
    script = JSON.parse(scriptText) as VectorScript;
    expected = traceText
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as TraceLine);
  } catch (e) {
    const failure = `FAIL ?/${name} op #0 (parse): expected <valid vector> got ${JSON.stringify((e as Error).message)}`;
    return { clientGo: null, failure };
  }
  const clientGo = script.clientGo === undefined ? CLASSIC_CLIENT_GO : String(script.clientGo);
  const component = String(script.component);
  const id = `${component}/${name}`;
  const fail = (failure: string): VectorResult => ({ clientGo, failure });
  const byVersion = harnesses[clientGo];
  if (!byVersion)
    return fail(`FAIL ${id} op #0 (?): expected <known clientGo> got ${JSON.stringify(clientGo)}`);
  const harness = byVersion[component];
  if (!harness)
    return fail(`FAIL ${id} op #0 (?): expected <known component> got ${JSON.stringify(component)}`);
  let got: TraceLine[];
  try {
    got = harness(script);
  } catch (e) {
    const msg = (e as Error).message;
    return fail(
      `FAIL ${id} op #0 (${String(script.ops[0]?.op ?? '?')}): expected <a trace> got ${JSON.stringify(`harness error: ${msg}`)}`,
    );
  }
  const n = Math.max(expected.length, got.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const g = got[i];
    if (!jsonEqual(e, g)) {
      const op = String(e?.op ?? g?.op ?? script.ops[i]?.op ?? '?');
      return fail(
        `FAIL ${id} op #${i} (${op}): expected ${JSON.stringify(e ?? null)} got ${JSON.stringify(g ?? null)}`,
      );
    }
  }
  return { clientGo, failure: null };
}
