/** A recorded or produced trace line: `{"i": <op index>, "op": <op name>, ...result fields}`. */
export type TraceLine = { i: number; op: string } & Record<string, unknown>;

/** A vector script as read from `<name>.script.json`; each component's harness validates its own shape. */
export interface VectorScript {
  component: string;
  ops: ReadonlyArray<Record<string, unknown>>;
  [field: string]: unknown;
}

/** A harness replays one script through the simulation's own component and returns one line per op. */
export type Harness = (script: VectorScript) => TraceLine[];
