import { replay as deltafifo } from './deltafifo';
import { replay as informer } from './informer';
import { jsonEqual } from './json-equal';
import type { Harness, TraceLine, VectorScript } from './types';
import { replay as workqueue } from './workqueue';

const harnesses: Record<string, Harness> = { deltafifo, workqueue, informer };

/**
 * Replays one vector. Returns null when every line matches, else the README's FAIL line for the first
 * differing line (a missing or extra line, or a harness error, also fails the vector).
 */
export function runVector(scriptText: string, traceText: string, name: string): string | null {
  let script: VectorScript;
  let expected: TraceLine[];
  try {
    script = JSON.parse(scriptText) as VectorScript;
    expected = traceText
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as TraceLine);
  } catch (e) {
    return `FAIL ?/${name} op #0 (parse): expected <valid vector> got ${JSON.stringify((e as Error).message)}`;
  }
  const component = String(script.component);
  const id = `${component}/${name}`;
  const harness = harnesses[component];
  if (!harness) return `FAIL ${id} op #0 (?): expected <known component> got ${JSON.stringify(component)}`;
  let got: TraceLine[];
  try {
    got = harness(script);
  } catch (e) {
    const msg = (e as Error).message;
    return `FAIL ${id} op #0 (${String(script.ops[0]?.op ?? '?')}): expected <a trace> got ${JSON.stringify(`harness error: ${msg}`)}`;
  }
  const n = Math.max(expected.length, got.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const g = got[i];
    if (!jsonEqual(e, g)) {
      const op = String(e?.op ?? g?.op ?? script.ops[i]?.op ?? '?');
      return `FAIL ${id} op #${i} (${op}): expected ${JSON.stringify(e ?? null)} got ${JSON.stringify(g ?? null)}`;
    }
  }
  return null;
}
