// The sandbox's pure parts: the settings form (draft ⇄ Settings through the file validator, messages
// attached to fields), the YAML editor's checks (problems by line; settings belong in the form), and
// splitting a scenario file between the two.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../engine/model/defaults';
import type { Scenario } from '../../engine/model/scenario';
import { libraryScenario } from '../../scenarios/library';
import { parseScenario, scenarioToYaml } from '../../scenarios/parse';
import { checkDraft, draftFromSettings, fieldOfPath, type SettingsDraft } from './settings-form';
import { checkBody, composeScenario, lessonChanges, settingsLine, splitScenarioText } from './yaml-check';

function defaultScenario(): Scenario {
  const r = parseScenario(libraryScenario('default')!.yaml);
  if (!r.ok) throw new Error('default does not parse');
  return r.scenario;
}

function edit(d: SettingsDraft, values: Record<string, string>): SettingsDraft {
  return { ...d, values: { ...d.values, ...values } };
}

describe('settings form', () => {
  it('round-trips every setting it does not touch, and the ones it shows', () => {
    const s = defaultScenario().settings;
    const r = checkDraft(draftFromSettings(s));
    expect(r.ok && r.settings).toEqual(s);
    const odd = {
      ...s,
      rateLimiter: {
        type: 'maxOf',
        limiters: [
          { type: 'exponential', baseMs: 5, maxMs: 1000 },
          { type: 'bucket', qps: 50, burst: 300 },
        ],
      },
      watchTimeout: { min: 2000, max: 3000 },
      pageSize: 7,
    } as const;
    const r2 = checkDraft(draftFromSettings(odd));
    expect(r2.ok && r2.settings).toEqual(odd);
  });

  it("has the era as a field (issue 12): it starts at the settings' era, changes only settings.era, and a bad one is named on it", () => {
    const s = defaultScenario().settings;
    const d = draftFromSettings(s);
    expect(d.values.era).toBe('classic');
    const modern = checkDraft(edit(d, { era: 'modern' }));
    expect(modern.ok && modern.settings).toEqual({ ...s, era: 'modern' });
    const back = checkDraft(draftFromSettings({ ...s, era: 'modern' }));
    expect(back.ok && back.settings.era).toBe('modern');
    const bad = checkDraft(edit(d, { era: 'ancient' }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fields.era).toMatch(/must be one of classic, modern, got "ancient"/);
    expect(Object.keys(bad.fields)).toEqual(['era']);
    expect(bad.other).toEqual([]);
  });

  it('takes the era of a scenario file into the form; a bad era in the file is refused with its line', () => {
    const yaml = libraryScenario('default')!.yaml.replace(/^objects:/m, 'settings:\n  era: modern\nobjects:');
    const split = splitScenarioText(yaml);
    expect(split.ok && split.settings.era).toBe('modern');
    expect(split.ok && split.body).not.toMatch(/era:/);
    const bad = splitScenarioText(yaml.replace('era: modern', 'era: nineties'));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toEqual([
      expect.objectContaining({
        path: 'settings.era',
        message: expect.stringMatching(/must be one of classic, modern/),
      }),
    ]);
    expect(bad.problems[0]!.line).toBeGreaterThan(1);
  });

  it('reads numbers as milliseconds and duration strings like a file does', () => {
    const d = edit(draftFromSettings(DEFAULT_SETTINGS), {
      resyncPeriod: '2s',
      workers: '4',
      'latency.handler.max': '1.5s',
      'reconcile.failureRate': '0.25',
    });
    const r = checkDraft({ ...d, limiter: 'fastslow', mistakes: { ...d.mistakes, noForget: true } });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.settings.resyncPeriodMs).toBe(2000);
    expect(r.settings.workers).toBe(4);
    expect(r.settings.latency.handler).toEqual({ min: 0, max: 1500 });
    expect(r.settings.reconcile.failureRate).toBe(0.25);
    expect(r.settings.rateLimiter).toEqual({ type: 'fastslow', fastMs: 5, slowMs: 10000, maxFast: 3 });
    expect(r.settings.mistakes.noForget).toBe(true);
  });

  it('puts each validator message on its field', () => {
    const d = edit(draftFromSettings(DEFAULT_SETTINGS), {
      workers: '0',
      historyWindow: 'lots',
      'latency.request.min': '50',
      'latency.request.max': '10',
      resyncPeriod: '500',
      'rateLimiter.qps': '-1',
    });
    const r = checkDraft({ ...d, limiter: 'bucket' });
    if (r.ok) throw new Error('expected problems');
    expect(Object.keys(r.fields).sort()).toEqual(
      ['historyWindow', 'latency.request.min', 'rateLimiter.qps', 'resyncPeriod', 'workers'].sort(),
    );
    expect(r.fields.workers).toMatch(/1.*16/);
    expect(r.other).toEqual([]);
  });

  it('maps validator paths to fields', () => {
    expect(fieldOfPath('settings.workers')).toBe('workers');
    expect(fieldOfPath('settings.latency.request')).toBe('latency.request.min');
    expect(fieldOfPath('settings.rateLimiter.base')).toBe('rateLimiter.base');
    expect(fieldOfPath('settings.mistakes.noDone')).toBe('mistakes.noDone');
    expect(fieldOfPath('settings.pageSize')).toBeNull();
    expect(fieldOfPath('settings')).toBeNull();
  });
});

describe('YAML editor', () => {
  const body = [
    'apiVersion: informer-lab/v1',
    'kind: Scenario',
    'metadata: { name: demo }',
    'objects:',
    '  - apiVersion: samplecontroller.k8s.io/v1alpha1',
    '    kind: Foo',
    '    metadata: { name: web }',
    '    spec: { deploymentName: web, replicas: 2 }',
    'script:',
    '  - { at: 1s, action: delete, target: { kind: Foo, name: web } }',
    '',
  ].join('\n');

  it('accepts a scenario without settings and composes it with the form', () => {
    const r = checkBody(body);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const s = composeScenario(r.scenario, { ...DEFAULT_SETTINGS, workers: 5 });
    const back = parseScenario(scenarioToYaml(s));
    expect(back.ok && back.scenario.settings.workers).toBe(5);
  });

  it('names the line and the problem, sorted by line', () => {
    const bad = body
      .replace('replicas: 2', 'replicas: 20')
      .replace('at: 1s', 'at: -1s')
      .replace('kind: Scenario', 'kind: Scenario\nsettings: { workers: 3 }');
    const r = checkBody(bad);
    if (r.ok) throw new Error('expected problems');
    expect(r.problems.map((p) => [p.line, p.code ?? p.path])).toEqual([
      [3, 'settings-in-text'],
      [9, 'objects[0].spec.replicas'],
      [11, 'script[0].at'],
    ]);
    const syntax = checkBody('kind: [');
    expect(!syntax.ok && syntax.problems[0]).toMatchObject({ line: 1 });
    expect(settingsLine('{"settings": {}, "kind": "Scenario"}')).toBe(1);
    expect(settingsLine(':::')).toBeNull();
  });

  it('splits a scenario file into the text and the settings, keeping comments; refuses a bad file', () => {
    const file = `# my scenario\n${body.replace('kind: Scenario', 'kind: Scenario\nsettings:\n  workers: 3 # three\n  resyncPeriod: 0')}`;
    const r = splitScenarioText(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.settings.workers).toBe(3);
    expect(r.settings.resyncPeriodMs).toBe(0);
    expect(r.body).toContain('# my scenario');
    expect(r.body).not.toContain('settings');
    expect(checkBody(r.body).ok).toBe(true);
    const exported = scenarioToYaml(defaultScenario());
    const e = splitScenarioText(exported);
    expect(e.ok && checkBody(e.body).ok).toBe(true);
    const bad = splitScenarioText('apiVersion: informer-lab/v1\nkind: Scenario\nmetadata: { name: X }\n');
    expect(!bad.ok && bad.problems[0]).toMatchObject({ line: 3, path: 'metadata.name' });
  });

  it('a lesson changed only in its settings stays a lesson with those changes', () => {
    const s = defaultScenario();
    expect(lessonChanges(s, s)).toEqual({});
    const more = {
      ...s,
      settings: { ...s.settings, workers: 1, mistakes: { ...s.settings.mistakes, noDone: true } },
    };
    expect(lessonChanges(s, more)).toEqual({ workers: 1, mistakes: more.settings.mistakes });
    expect(lessonChanges(s, { ...more, seed: s.seed + 1 })).toBeNull();
    expect(lessonChanges(s, { ...s, script: [] })).toBeNull();
  });
});
