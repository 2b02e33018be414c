/**
 * How much of the machine other processes used during a measurement: all CPUs' busy time from
 * /proc/stat (steal included) minus the CPU time of this process and everything it started (Chromium's
 * browser, renderer and GPU processes, vite preview), read from /proc/<pid>/stat. Linux only; elsewhere
 * the share is unknown (null). The Node bench's machine-load.ts counts only its own process; here the
 * work happens in child processes, so the whole tree is counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { readTicks } from '../bench/machine-load';

/** USER_HZ: /proc reports CPU times in these ticks (100 on every common Linux build). */
const TICKS_PER_S = 100;

export interface TreeMark {
  readonly wallMs: number;
  /** CPU ms used so far by this process and its descendants. */
  readonly treeCpuMs: number;
  readonly ticks: { busy: number; total: number } | null;
}

interface ProcStat {
  readonly ppid: number;
  readonly cpuTicks: number;
}

function readProc(pid: string): ProcStat | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: parse after its closing ')'.
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // rest[0] = state (field 3), rest[1] = ppid (4), rest[11] = utime (14), rest[12] = stime (15).
    return { ppid: Number(rest[1]), cpuTicks: Number(rest[11]) + Number(rest[12]) };
  } catch {
    return null;
  }
}

function treeCpuMs(root: number): number {
  const procs = new Map<number, ProcStat>();
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const p = readProc(d);
      if (p !== null) procs.set(Number(d), p);
    }
  } catch {
    return 0;
  }
  let ticks = 0;
  for (const [pid, p] of procs) {
    let cur: number | undefined = pid;
    for (let hops = 0; cur !== undefined && cur > 1 && hops < 64; hops++) {
      if (cur === root) {
        ticks += p.cpuTicks;
        break;
      }
      cur = procs.get(cur)?.ppid;
    }
  }
  return (ticks * 1000) / TICKS_PER_S;
}

export function treeMark(): TreeMark {
  return { wallMs: performance.now(), treeCpuMs: treeCpuMs(process.pid), ticks: readTicks() };
}

/** Share (0..1) of all CPUs that processes outside this tree used between two marks, or null. */
export function othersShare(from: TreeMark, to: TreeMark): number | null {
  if (from.ticks === null || to.ticks === null) return null;
  const total = to.ticks.total - from.ticks.total;
  if (total <= 0) return null;
  const busyShare = (to.ticks.busy - from.ticks.busy) / total;
  const ownShare = (to.treeCpuMs - from.treeCpuMs) / ((to.wallMs - from.wallMs) * cpus().length);
  return Math.max(0, busyShare - ownShare);
}
