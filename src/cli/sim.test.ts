/**
 * The CLI's two formats: `text` is each record's English narration through the i18n table, `jsonl` is
 * the one JSON shape of a trace record that the event-log export writes too. And a pipe closed by its
 * reader (`| head`) ends the CLI quietly.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsToJsonl, recordToJsonLine } from '../engine/model/record-json';
import type { TraceRecord } from '../engine/model/trace';
import { recordView } from '../engine/model/views';
import { createWorld } from '../engine/sim/create-world';
import { stepWorld } from '../engine/sim/step';
import { renderNarration } from '../i18n/narration';
import { formatJsonLine, formatText, loadScenario } from './sim';

function records(steps: number): TraceRecord[] {
  const scenario = loadScenario('default');
  if (typeof scenario === 'string') throw new Error(scenario);
  const w = createWorld(scenario);
  const ctx = { scenario, script: [...scenario.script] };
  const recs: TraceRecord[] = [];
  while (w.step < steps) {
    const r = stepWorld(w, ctx);
    if (r === null) break;
    recs.push(...r);
  }
  return recs;
}

describe('one JSON shape for a trace record', () => {
  it('the CLI prints each record exactly as the event-log export writes it', () => {
    const recs = records(300);
    const exported = recordsToJsonl(recs.map(recordView)).slice(0, -1).split('\n');
    expect(recs.map(formatJsonLine)).toEqual(exported);
    // Field order is part of the shape.
    const first = JSON.parse(formatJsonLine(recs.find((r) => r.object !== null)!)) as object;
    expect(Object.keys(first)).toEqual([
      'step',
      'time',
      'lane',
      'component',
      'arrow',
      'key',
      'rv',
      'message',
      'params',
      'objectKind',
      'tombstone',
      'object',
    ]);
    expect(recordToJsonLine(recordView(recs[0]!))).toBe(formatJsonLine(recs[0]!));
  });
});

describe('--format text', () => {
  it('prints time, step, lane, component and arrow, then the English narration', () => {
    const recs = records(60);
    for (const r of recs) expect(formatText(r).endsWith(` ${renderNarration(r, 'en')}`)).toBe(true);
    expect(formatText(recs[0]!)).toBe(
      '    0.000s #     1 Foo        reflector  (1)         LIST resourceVersion="0" limit=500',
    );
    const lookup = recs.find((r) => r.message === 'worker.get-deployment' && r.params.found === false);
    expect(lookup && formatText(lookup)).toMatch(/Deployment default\/\S+ in lister: not found \(rv —\)$/);
  });
});

describe('a reader that stops early', () => {
  it('ends the CLI quietly: exit code 0, no stack trace, no run to the last step', async () => {
    const cli = fileURLToPath(new URL('./sim.ts', import.meta.url));
    // Far more steps than a reader takes: the CLI must notice the closed pipe, not finish the run.
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'default', '--steps', '5000000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const first = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(d.toString('utf8')));
      child.once('error', reject);
    });
    // The reader goes away, as `head` does after its lines.
    child.stdout.destroy();
    const began = Date.now();
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.once('exit', (c, s) => resolve([c, s])),
    );
    expect(first).toMatch(/^ +0\.000s # +1 /);
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    // Five million steps take minutes; stopping at the closed pipe takes well under a second.
    expect(Date.now() - began).toBeLessThan(5000);
  }, 20_000);
});

describe('--era', () => {
  it("overrides the scenario's settings.era: the modern run starts with watch-list requests", async () => {
    const cli = fileURLToPath(new URL('./sim.ts', import.meta.url));
    const runCli = (args: string[]) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', cli, 'default', ...args], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
        });
        child.stderr.setEncoding('utf8').on('data', (d: string) => {
          err += d;
        });
        child.once('error', reject);
        child.once('exit', (code) => resolve({ code, out, err }));
      });
    const modern = await runCli(['--era', 'modern', '--steps', '2', '--format', 'jsonl']);
    expect(modern.code).toBe(0);
    const msgs = modern.out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { message: string }).message);
    expect(msgs).toEqual(['reflector.watch-list', 'reflector.watch-list']);
    const classic = await runCli(['--steps', '1', '--format', 'jsonl']);
    expect((JSON.parse(classic.out.trim()) as { message: string }).message).toBe('reflector.list');
    const bad = await runCli(['--era', 'future']);
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('--era is classic or modern') });
  }, 30_000);
});
