/**
 * --profile of the browser bench: a CPU profile of the page's main thread and a Chrome trace of a phase
 * (fast-forward or seeks), written to a folder, and their hot spots as lines to print.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';

/** --profile: a CPU profile of the page's main thread and a Chrome trace, both while fast-forwarding. */
export interface Profiling {
  readonly cdp: CDPSession;
  readonly dir: string;
  readonly foos: number;
  /** Which phase: 'max' (fast-forward) or 'seek'. */
  readonly phase: string;
}

export async function startProfile(
  browser: Browser,
  page: Page,
  dir: string,
  foos: number,
  phase: string,
): Promise<Profiling> {
  mkdirSync(dir, { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, {
    path: join(dir, `trace-${phase}-${foos}.json`),
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc'],
  });
  return { cdp, dir, foos, phase };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** Top self-time functions of the CPU profile. */
function profileHotSpots(profile: { nodes: ProfileNode[] }): string[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    total += hits;
    const where = n.callFrame.url.split('/').at(-1) ?? '';
    const name = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + hits);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([name, hits]) => `${((hits / Math.max(1, total)) * 100).toFixed(1).padStart(5)}%  ${name}`);
}

/** Total duration of the biggest trace events of the page's main thread and of the engine Worker. */
function traceHotSpots(events: readonly TraceEvent[]): string[] {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const out: string[] = [];
  for (const thread of ['CrRendererMain', 'DedicatedWorker thread']) {
    const sums = new Map<string, number>();
    for (const e of events) {
      if (e.ph !== 'X' || e.dur === undefined || threads.get(`${e.pid}:${e.tid}`) !== thread) continue;
      sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
    }
    const top = [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
    out.push(`${thread}: ${top.map(([n, d]) => `${n} ${Math.round(d)} ms`).join(', ')}`);
  }
  return out;
}

export async function stopProfile(browser: Browser, p: Profiling): Promise<string[]> {
  const { profile } = (await p.cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } };
  writeFileSync(join(p.dir, `main-thread-${p.phase}-${p.foos}.cpuprofile`), JSON.stringify(profile));
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  return [
    'CPU profile, self time:',
    ...profileHotSpots(profile).map((l) => `  ${l}`),
    'trace, total time by event (nested events overlap):',
    ...traceHotSpots(trace.traceEvents).map((l) => `  ${l}`),
  ];
}
