/**
 * Harness for the `workqueue` conformance component (conformance/README.md): a rate-limiting queue over a
 * delaying queue over the basic queue, on a fake clock that starts at a fixed instant and moves only on
 * `advance`. The token bucket's clock stays at the script's start (the recorded bucket never refilled
 * between operations), so every limiter call is given `START` while the queue sees the moving clock.
 */
import {
  type LimiterSpec,
  limiterWhen,
  newWorkqueue,
  type WorkqueueState,
  wqAdd,
  wqAddAfter,
  wqAddRateLimited,
  wqAdvance,
  wqDone,
  wqForget,
  wqGet,
  wqLen,
  wqNumRequeues,
  wqShutDown,
  wqShuttingDown,
  wqSnapshot,
} from '../../engine/client-go/workqueue';
import type { TraceLine, VectorScript } from './types';

/** The fake clock's start (any instant works: only differences matter). */
const START = 0;

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's time.ParseDuration, in (possibly fractional) milliseconds. */
export function parseGoDurationMs(text: string): number {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  const re = /^(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/;
  let total = 0;
  if (s === '') throw new Error(`invalid duration ${JSON.stringify(text)}`);
  while (s !== '') {
    const m = re.exec(s);
    if (!m || m[1] === '' || m[1] === '.') throw new Error(`invalid duration ${JSON.stringify(text)}`);
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    s = s.slice(m[0].length);
  }
  return sign * total;
}

/** Limiter spec strings of the README: `none`, `default`, `exponential:B:M`, `bucket:Q:B`, `fastslow:F:S:N`. */
export function parseLimiter(text: string): LimiterSpec | null {
  const parts = text.split(':');
  const bad = () => new Error(`unknown limiter ${JSON.stringify(text)}`);
  switch (parts[0]) {
    case 'none':
      return null;
    case 'default':
      return { type: 'default' };
    case 'exponential':
      if (parts.length !== 3) throw bad();
      return {
        type: 'exponential',
        baseMs: parseGoDurationMs(parts[1]!),
        maxMs: parseGoDurationMs(parts[2]!),
      };
    case 'bucket':
      if (parts.length !== 3) throw bad();
      return { type: 'bucket', qps: Number(parts[1]), burst: Number(parts[2]) };
    case 'fastslow':
      if (parts.length !== 4) throw bad();
      return {
        type: 'fastslow',
        fastMs: parseGoDurationMs(parts[1]!),
        slowMs: parseGoDurationMs(parts[2]!),
        maxFast: Number(parts[3]),
      };
    default:
      throw bad();
  }
}

function str(op: Record<string, unknown>, field: string): string {
  const v = op[field];
  if (typeof v !== 'string') throw new Error(`op ${String(op.op)}: ${field} must be a string`);
  return v;
}

function num(op: Record<string, unknown>, field: string): number {
  const v = op[field];
  if (typeof v !== 'number') throw new Error(`op ${String(op.op)}: ${field} must be a number`);
  return v;
}

/** Replays a `workqueue` conformance vector (see conformance/README.md). */
export function replay(script: VectorScript): TraceLine[] {
  const limiter = parseLimiter(String(script.limiter ?? 'none'));
  const q: WorkqueueState = newWorkqueue({ name: 'conformance', limiter, now: START });
  let now = START;
  const out: TraceLine[] = [];
  const noLimiter = { err: 'no rate limiter' };
  script.ops.forEach((op, i) => {
    const name = String(op.op);
    const line: TraceLine = { i, op: name };
    switch (name) {
      case 'add':
        wqAdd(q, str(op, 'item'), now);
        break;
      case 'addAfter':
        wqAddAfter(q, str(op, 'item'), num(op, 'ms'), now);
        break;
      case 'addRateLimited':
        if (q.limiter === null) Object.assign(line, noLimiter);
        else wqAddRateLimited(q, str(op, 'item'), now, START);
        break;
      case 'forget':
        if (q.limiter === null) Object.assign(line, noLimiter);
        else wqForget(q, str(op, 'item'));
        break;
      case 'numRequeues':
        if (q.limiter === null) Object.assign(line, noLimiter);
        else line.n = wqNumRequeues(q, str(op, 'item'));
        break;
      case 'when':
        if (q.limiter === null) Object.assign(line, noLimiter);
        else line.ms = limiterWhen(q, str(op, 'item'), START);
        break;
      case 'get': {
        const r = wqGet(q, now);
        if ('empty' in r) line.empty = true;
        else if ('item' in r) Object.assign(line, { item: r.item, shutdown: false });
        else Object.assign(line, { item: null, shutdown: true });
        break;
      }
      case 'done':
        wqDone(q, str(op, 'item'), now);
        break;
      case 'advance':
        now += num(op, 'ms');
        wqAdvance(q, now);
        line.len = wqLen(q);
        break;
      case 'len':
        line.len = wqLen(q);
        break;
      case 'shutdown':
        wqShutDown(q);
        break;
      case 'shuttingDown':
        line.shuttingDown = wqShuttingDown(q);
        break;
      case 'snapshot': {
        const s = wqSnapshot(q);
        Object.assign(line, { queue: s.queue, dirty: s.dirty, processing: s.processing });
        break;
      }
      default:
        throw new Error(`unknown workqueue op ${JSON.stringify(name)}`);
    }
    out.push(line);
  });
  return out;
}
