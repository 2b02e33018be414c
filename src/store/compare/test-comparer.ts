/**
 * A naive comparer for the compare store's tests (the real one is src/compare's createComparer): step n
 * of the left against step n of the right, each step's records normalised to their component, message,
 * lane, key, resourceVersion and params (the object they carry left out). Every step whose normalised
 * records differ (or that exists on one side only) is a `record` difference at that step on both sides.
 * A difference is listed once both sides were fed up to its step (or ended before it), so each is final.
 */
import type { CompareResult, Comparer, Difference, Side } from '../../compare/types';
import type { TraceRecord } from '../../engine/model/trace';

function norm(x: TraceRecord): string {
  const params = Object.keys(x.params)
    .sort()
    .map((k) => [k, x.params[k]]);
  return JSON.stringify([x.component, x.message, x.lane, x.key, x.resourceVersion, params]);
}

export function createTestComparer(): Comparer & { readonly fedWindows: number } {
  const steps: Record<Side, Map<number, { time: number; text: string }>> = {
    left: new Map(),
    right: new Map(),
  };
  const fed: Record<Side, number> = { left: 0, right: 0 };
  const ended: Record<Side, boolean> = { left: false, right: false };
  const differences: Difference[] = [];
  let decided = 0;
  let windows = 0;

  function decide(): void {
    // Steps decided on both sides: fed there, or that side ended before.
    const upTo = Math.min(ended.left ? Infinity : fed.left, ended.right ? Infinity : fed.right);
    const last = Math.max(fed.left, fed.right);
    for (let n = decided + 1; n <= Math.min(upTo, last); n++) {
      const a = steps.left.get(n);
      const b = steps.right.get(n);
      if (a?.text !== b?.text) {
        const time = Math.min(a?.time ?? Infinity, b?.time ?? Infinity);
        differences.push({
          kind: 'record',
          leftStep: a === undefined ? fed.left : n,
          rightStep: b === undefined ? fed.right : n,
          time,
          key: null,
          summary: { kind: 'record', key: null, left: [], right: [], param: null },
        });
      }
      decided = n;
    }
  }

  return {
    feed(side, records, from, to, end) {
      if (from !== fed[side] + 1) throw new Error(`${side}: window from ${from} after ${fed[side]}`);
      windows++;
      const byStep = new Map<number, string[]>();
      for (const x of records) {
        const list = byStep.get(x.step) ?? [];
        list.push(norm(x));
        byStep.set(x.step, list);
        steps[side].set(x.step, { time: x.time, text: '' });
      }
      for (const [n, list] of byStep) steps[side].get(n)!.text = list.join('\n');
      fed[side] = Math.max(fed[side], to);
      ended[side] = end;
      decide();
    },
    result(): CompareResult {
      return {
        differences: [...differences],
        fedTo: { left: fed.left, right: fed.right },
        complete: ended.left && ended.right,
      };
    },
    get fedWindows() {
      return windows;
    },
  };
}
