/**
 * Figure 1 of `npm run bench`: engine steps per second. A fresh world of the scenario is stepped with
 * stepWorld until `steps` steps have run (or the run ends); only the stepping loop is timed (createWorld
 * is not). Records are counted, not formatted.
 */

import type { Scenario } from '../../engine/model/scenario';
import { createWorld } from '../../engine/sim/create-world';
import { stepWorld } from '../../engine/sim/step';
import type { SimContext } from '../../engine/sim/world';

export interface StepsRun {
  readonly steps: number;
  readonly records: number;
  /** Virtual time at the end of the run, ms. */
  readonly virtualMs: number;
  /** Wall time of the stepping loop, ms. */
  readonly ms: number;
  /** Process CPU time (user + system, all threads: the GC's helpers included) over the loop, ms. */
  readonly cpuMs: number;
  /** The run ended (nothing left to happen) before `steps`. */
  readonly ended: boolean;
}

export function runSteps(scenario: Scenario, steps: number): StepsRun {
  const ctx: SimContext = { scenario, script: [...scenario.script] };
  const w = createWorld(scenario);
  let records = 0;
  let ended = false;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (w.step < steps) {
    const recs = stepWorld(w, ctx);
    if (recs === null) {
      ended = true;
      break;
    }
    records += recs.length;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { steps: w.step, records, virtualMs: w.now, ms, cpuMs: (cpu.user + cpu.system) / 1000, ended };
}
