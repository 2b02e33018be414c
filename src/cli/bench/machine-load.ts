/**
 * How much of the machine other processes used while the bench ran: all CPUs' busy time from /proc/stat
 * (steal included: another VM had the CPU) minus this process's own CPU time. Linux only; elsewhere the
 * share is unknown (null).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface LoadMark {
  readonly wallMs: number;
  readonly ownCpuMs: number;
  /** Busy and total ticks summed over all CPUs, or null without /proc/stat. */
  readonly ticks: { busy: number; total: number } | null;
}

/** All CPUs' busy and total ticks from /proc/stat (shared with the browser bench), or null without it. */
export function readTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is inside user)
    const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
    if (f.length < 8 || f.some((x) => !Number.isFinite(x))) return null;
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - f[3]! - f[4]!, total };
  } catch {
    return null;
  }
}

export function loadMark(): LoadMark {
  const u = process.cpuUsage();
  return { wallMs: performance.now(), ownCpuMs: (u.user + u.system) / 1000, ticks: readTicks() };
}

/** Share (0..1) of all CPUs that other processes used between two marks, or null if unknown. */
export function othersShare(from: LoadMark, to: LoadMark): number | null {
  if (from.ticks === null || to.ticks === null) return null;
  const total = to.ticks.total - from.ticks.total;
  if (total <= 0) return null;
  const busyShare = (to.ticks.busy - from.ticks.busy) / total;
  const ownShare = (to.ownCpuMs - from.ownCpuMs) / ((to.wallMs - from.wallMs) * cpus().length);
  return Math.max(0, busyShare - ownShare);
}
