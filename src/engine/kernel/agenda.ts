/**
 * The agenda: pending actor actions ordered by (time, seq). Each goroutine of client-go is an actor
 * whose next action is an entry here. Ties at the same virtual time are broken by the sequence number
 * (insertion order), never by object identity, so a run is a pure function of scenario + seed.
 *
 * Plain data (an array-backed binary min-heap), so a keyframe's copy of the world copies it.
 * Cancellation is by epoch: actions carry the epoch of what scheduled them and the handler ignores stale
 * ones, so no entry ever has to be removed from the middle of the heap.
 */
export interface AgendaEntry<A> {
  time: number;
  seq: number;
  action: A;
}

export interface Agenda<A> {
  heap: AgendaEntry<A>[];
  nextSeq: number;
}

export function newAgenda<A>(): Agenda<A> {
  return { heap: [], nextSeq: 0 };
}

function less<A>(x: AgendaEntry<A>, y: AgendaEntry<A>): boolean {
  return x.time < y.time || (x.time === y.time && x.seq < y.seq);
}

export function schedule<A>(ag: Agenda<A>, time: number, action: A): void {
  const h = ag.heap;
  const e: AgendaEntry<A> = { time, seq: ag.nextSeq++, action };
  h.push(e);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const pe = h[p]!;
    if (!less(e, pe)) break;
    h[i] = pe;
    i = p;
  }
  h[i] = e;
}

export function peek<A>(ag: Agenda<A>): AgendaEntry<A> | undefined {
  return ag.heap[0];
}

export function popNext<A>(ag: Agenda<A>): AgendaEntry<A> | undefined {
  const h = ag.heap;
  if (h.length === 0) return undefined;
  const top = h[0]!;
  const last = h.pop()!;
  if (h.length > 0) {
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && less(h[r]!, h[l]!) ? r : l;
      if (!less(h[c]!, last)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
  }
  return top;
}
