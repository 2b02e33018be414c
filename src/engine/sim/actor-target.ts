/**
 * What the actors' reused envs work on during a step: the world being stepped, its context and the
 * step's output.
 *
 * The reflectors' ReflectorEnv and the controller's ControllerEnv are objects of closures. Making them
 * per action was a measurable share of what a step allocates, so lane-actors.ts and controller-actors.ts
 * make each once and have it read the world from here: reflectorEnv and controllerEnv point the target at
 * the action's world, and stepWorld releases it when the step ends, so no env keeps a world alive
 * between steps (a retained world would also count in the heap of whatever is measured next).
 */
import type { StepOut } from './emit';
import type { SimContext, World } from './world';

export interface ActorTarget {
  w: World | null;
  ctx: SimContext | null;
  out: StepOut | null;
}

/** Set for the action being run, null between steps. */
export const actorTarget: ActorTarget = { w: null, ctx: null, out: null };

/** Points the envs at the world, context and step output of the action about to run. */
export function aimActors(w: World, ctx: SimContext, out: StepOut): void {
  actorTarget.w = w;
  actorTarget.ctx = ctx;
  actorTarget.out = out;
}

/** The step is over: the envs let go of its world. */
export function releaseActors(): void {
  actorTarget.w = null;
  actorTarget.ctx = null;
  actorTarget.out = null;
}
