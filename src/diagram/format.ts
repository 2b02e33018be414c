/**
 * Small pure formatting helpers of the figure: short key text for cramped cells, the reflector's phase
 * with its backoff countdown, and the fit-to-width zoom transform.
 */

/** The part of a namespace/name key a cell has room for: the name, cut in the middle when long. */
export function shortKey(key: string, max = 12): string {
  const slash = key.lastIndexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (name.length <= max) return name;
  if (max <= 2) return name.slice(0, Math.max(1, max));
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${name.slice(0, head)}…${tail > 0 ? name.slice(-tail) : ''}`;
}

/** Seconds left until `until` (virtual ms), one decimal, never negative. */
export function secondsLeft(until: number, now: number): string {
  const ms = Math.max(0, until - now);
  return (Math.ceil(ms / 100) / 10).toFixed(1);
}

export const KNOWN_PHASES = [
  'stopped',
  'listing',
  'watch-opening',
  'watching',
  'backoff-relist',
  'backoff-rewatch',
  // Modern lanes only (client-go v0.36.3's WatchList reflector, R18–R21).
  'watch-list-opening',
  'watch-listing',
  'backoff-watch-list',
] as const;

/** i18n key and params for a reflector's phase (backoff phases count down to `backoffUntil`). */
export function reflectorPhaseText(
  phase: string,
  backoffUntil: number | null,
  now: number,
): { key: string; params: Record<string, string> } {
  if (!(KNOWN_PHASES as readonly string[]).includes(phase))
    return { key: 'diagram.reflector.phase.other', params: { phase } };
  const seconds = backoffUntil === null ? '0.0' : secondsLeft(backoffUntil, now);
  return { key: `diagram.reflector.phase.${phase}`, params: { seconds } };
}

export interface ZoomTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The zoom transform (in viewBox units) that makes a W×H figure, drawn with
 * preserveAspectRatio="xMidYMid meet" in a cw×ch element, fill the element's width with its top edge
 * at the top. When the element is as tall as the figure or taller, that is the identity.
 */
export function fitWidthTransform(cw: number, ch: number, W: number, H: number): ZoomTransform {
  if (!(cw > 0 && ch > 0 && W > 0 && H > 0)) return { k: 1, x: 0, y: 0 };
  const sx = cw / W;
  const sy = ch / H;
  if (sx <= sy) return { k: 1, x: 0, y: 0 };
  const k = sx / sy;
  // With meet, the element shows viewBox x from -(cw/sy - W)/2; the figure's x=0 goes there.
  // Vertically the viewBox fits exactly, so y=0 stays at the top.
  return { k, x: -(cw / sy - W) / 2, y: 0 };
}
