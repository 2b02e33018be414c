/**
 * Seeded PRNG (sfc32). Its whole state is four uint32 numbers held in the simulated world,
 * so a keyframe (a copy of the world: timeline/keyframes.ts) captures it and replays are exact (R3).
 * No Math.random anywhere in the engine.
 */
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Seed from any 32-bit integer; the first 12 outputs are discarded to mix the state. */
export function seedRng(seed: number): RngState {
  const s: RngState = { a: 0x9e3779b9, b: 0x243f6a88, c: 0xb7e15162, d: seed >>> 0 };
  for (let i = 0; i < 12; i++) nextU32(s);
  return s;
}

/** Next uint32; mutates the state in place. */
export function nextU32(s: RngState): number {
  const t = (((s.a + s.b) | 0) + s.d) | 0;
  s.d = (s.d + 1) | 0;
  s.a = s.b ^ (s.b >>> 9);
  s.b = (s.c + (s.c << 3)) | 0;
  s.c = (s.c << 21) | (s.c >>> 11);
  s.c = (s.c + t) | 0;
  return t >>> 0;
}

/** Uniform float in [0, 1). */
export function nextFloat(s: RngState): number {
  return nextU32(s) / 4294967296;
}

/** Uniform integer in [lo, hi) (hi > lo). */
export function nextInt(s: RngState, lo: number, hi: number): number {
  return lo + Math.floor(nextFloat(s) * (hi - lo));
}
