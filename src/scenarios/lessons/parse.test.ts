import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLessonAttachment, encodeLessonAttachment } from '../lesson-attachment';
import { formatScenarioError, scenarioToYaml } from '../parse';
import { LESSONS, lessonById } from './index';
import { parseLesson, validateLesson } from './parse';

const BASE = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: tiny
  number: 3
  title: { en: Tiny, zh: 小 }
  summary: { en: A tiny lesson, zh: 一个小课程 }
rules: [R11]
steps: 40
seed: 5
settings:
  era: classic
  workers: 1
objects:
  - kind: Foo
    metadata: { name: alpha }
    spec: { deploymentName: alpha, replicas: 1 }
narration:
  - when: { message: reflector.list, lane: Foo }
    text: { en: "LIST {rv}", zh: "LIST {rv}" }
pauses:
  - id: first
    before: { message: informer.pop, lane: Foo }
    question: { en: What next?, zh: 接下来？ }
    choices:
      - id: pop
        text: { en: A pop, zh: 弹出 }
        check: { count: { match: { message: informer.pop }, min: 1 } }
      - id: nothing
        text: { en: Nothing, zh: 无 }
        check: { count: { match: { message: informer.pop }, max: 0 } }
    answer: pop
    explanation: { en: Because., zh: 因为。 }
    reveal: { message: informer.pop }
goal:
  description: { en: It lists., zh: 它会列举。 }
  check:
    all:
      - sequence: [{ message: reflector.list }, { message: reflector.replace }]
      - absentBetween:
          absent: { message: apiserver.watch }
          after: { message: reflector.list }
          before: { message: apiserver.list }
      - between:
          after: { message: reflector.list }
          check: { any: [{ count: { match: { messagePrefix: informer., arrow: 3 }, min: 1 } }] }
`;

function errorsOf(text: string): string[] {
  const r = parseLesson(text);
  return r.ok ? [] : r.errors.map(formatScenarioError);
}

describe('parseLesson', () => {
  it('reads a valid lesson: metadata, the embedded scenario with defaults, narration, pauses, goal', () => {
    const r = parseLesson(BASE);
    expect(r.ok ? [] : r.errors.map(formatScenarioError)).toEqual([]);
    if (!r.ok) return;
    const l = r.lesson;
    expect([l.id, l.number, l.steps, l.rules]).toEqual(['tiny', 3, 40, ['R11']]);
    expect(l.title).toEqual({ en: 'Tiny', zh: '小' });
    expect(l.scenario.name).toBe('tiny');
    expect(l.scenario.title).toBe('Tiny');
    expect(l.scenario.description).toBe('A tiny lesson');
    expect(l.scenario.seed).toBe(5);
    expect(l.scenario.settings.workers).toBe(1);
    expect(l.scenario.settings.resyncPeriodMs).toBe(30_000); // default filled
    expect(l.scenario.objects.map((o) => o.name)).toEqual(['alpha']);
    expect(l.narration[0]).toEqual({
      when: { message: 'reflector.list', lane: 'Foo' },
      after: null,
      text: { en: 'LIST {rv}', zh: 'LIST {rv}' },
    });
    expect(l.pauses[0]!.within).toBe(100);
    expect(l.pauses[0]!.after).toBeNull();
    expect(l.pauses[0]!.choices.map((c) => c.id)).toEqual(['pop', 'nothing']);
    expect(l.goal.check.type).toBe('all');
    const between = l.goal.check.type === 'all' ? l.goal.check.checks[2] : undefined;
    expect(between).toEqual({
      type: 'between',
      after: { message: 'reflector.list' },
      before: null,
      check: {
        type: 'any',
        checks: [{ type: 'count', match: { messagePrefix: 'informer.', arrow: 3 }, min: 1, max: null }],
      },
    });
  });

  it('accepts JSON (and validateLesson takes a parsed value)', async () => {
    const { parse } = await import('yaml');
    const value = parse(BASE) as unknown;
    const json = JSON.stringify(value);
    const a = parseLesson(json);
    const b = validateLesson(value);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.lesson).toEqual(b.lesson);
  });

  it('reports problems with path and line, sorted by line, scenario problems included', () => {
    const bad = BASE.replace('  workers: 1', '  workers: 0')
      .replace('message: reflector.list, lane: Foo }', 'message: reflector.lst, lane: Foo }')
      .replace('    answer: pop', '    answer: maybe')
      .replace('rules: [R11]', 'rules: [R11, eleven]');
    expect(errorsOf(bad)).toEqual([
      'line 8: rules[1]: must be a spec rule id like R11, SI3 or W9, got "eleven"',
      'line 13: settings.workers: must be an integer from 1 to 16, got 0',
      expect.stringMatching(
        /^line 19: narration\[0\]\.when\.message: unknown message id "reflector\.lst"; known ids starting with "reflector\."/,
      ),
      'line 32: pauses[0].answer: "maybe" is not one of the choices (pop, nothing)',
    ]);
  });

  it('requires a lesson to declare its era (settings.era), except one carried by an older link', () => {
    expect(BASE.includes('  era: classic\n')).toBe(true);
    const noEra = BASE.replace('  era: classic\n', '');
    expect(errorsOf(noEra)).toEqual([
      'line 11: settings.era: is required in a lesson: classic (client-go 1.26, DeltaFIFO) or modern (client-go v0.36.3, RealFIFO), the era the lesson teaches',
    ]);
    const noSettings = noEra.replace('settings:\n  workers: 1\n', '');
    expect(errorsOf(noSettings)).toHaveLength(1);
    expect(errorsOf(noSettings)[0]).toMatch(/settings\.era: is required in a lesson/);
    expect(errorsOf(BASE.replace('  era: classic', '  era: medieval'))[0]).toMatch(/settings\.era/);
    const legacy = parseLesson(noEra, { eraOptional: true });
    expect(legacy.ok && legacy.lesson.era).toBe('classic');
    // A link made before lessons declared their era still opens its lesson, as classic.
    const old = LESSONS[2]!.yaml.replace('  era: classic\n', '');
    expect(parseLesson(old).ok).toBe(false);
    const att = decodeLessonAttachment(encodeLessonAttachment(old), lessonById(LESSONS[2]!.id)!.scenario);
    expect(att.ok && att.lesson.era).toBe('classic');
    const modern = parseLesson(BASE.replace('  era: classic', '  era: modern'));
    expect(modern.ok && [modern.lesson.era, modern.lesson.scenario.settings.era]).toEqual([
      'modern',
      'modern',
    ]);
  });

  it('checks matchers, checks, choices and texts', () => {
    const cases: [string, string, RegExp][] = [
      [
        '    reveal: { message: informer.pop }',
        '    reveal: {}',
        /pauses\[0\]\.reveal: must give at least one of/,
      ],
      [
        '    reveal: { message: informer.pop }',
        '    reveal: { lane: Bar, arrow: 10, component: cpu, deleting: maybe }',
        /pauses\[0\]\.reveal\.lane: unknown lane "Bar"/,
      ],
      [
        '      - sequence: [{ message: reflector.list }, { message: reflector.replace }]',
        '      - { sequence: [], count: { match: { key: a }, min: 1 } }',
        /goal\.check\.all\[0\]: must have exactly one of sequence, count, absentBetween, between, all, any; got sequence and count/,
      ],
      [
        '      - sequence: [{ message: reflector.list }, { message: reflector.replace }]',
        '      - count: { match: { key: a } }',
        /goal\.check\.all\[0\]\.count: needs min, max or both/,
      ],
      [
        '      - sequence: [{ message: reflector.list }, { message: reflector.replace }]',
        '      - count: { match: { key: a }, min: 3, max: 1 }',
        /min \(3\) must not be greater than max \(1\)/,
      ],
      [
        '      - id: nothing\n        text: { en: Nothing, zh: 无 }\n        check: { count: { match: { message: informer.pop }, max: 0 } }\n',
        '',
        /pauses\[0\]\.choices: must be a list of 2 to 4 choices/,
      ],
      [
        '  title: { en: Tiny, zh: 小 }',
        '  title: { en: Tiny }',
        /metadata\.title\.zh: is required \(the Simplified Chinese text\)/,
      ],
      [
        '  title: { en: Tiny, zh: 小 }',
        '  title: { en: "", zh: 小 }',
        /metadata\.title\.en: must not be empty/,
      ],
      [
        '  - when: { message: reflector.list, lane: Foo }',
        '  - when: { messagePrefix: nothing. }',
        /no message id starts with "nothing\."/,
      ],
      [
        '  - when: { message: reflector.list, lane: Foo }',
        '  - when: { params: { __proto__: 1 } }',
        /params/,
      ],
      [
        '  - when: { message: reflector.list, lane: Foo }',
        '  - when: { message: apiserver.watch, params: { result: open } }',
        /narration\[0\]\.when\.params\.result: message "apiserver\.watch" has no parameter "result"; its parameters: kind, rv, outcome, /,
      ],
      [
        '  - when: { message: reflector.list, lane: Foo }',
        '  - when: { messagePrefix: handler.On, params: { nope: 1 } }',
        /messages starting with "handler\.On" has no parameter "nope"/,
      ],
      ['  - id: first', '  - id: First', /pauses\[0\]\.id: "First" is not a valid name/],
      ['steps: 40', 'steps: 0', /steps: must be an integer from 1 to 100000, got 0/],
      ['steps: 40', 'stepz: 40', /stepz: unknown field; did you mean "steps"\?/],
      [
        'kind: Lesson',
        'kind: Scenario',
        /kind: must be Lesson; got "Scenario" \(this is a scenario file: open it as a scenario\)/,
      ],
      ['apiVersion: informer-lab/v1', 'apiVersion: informer-lab/v2', /was made by a newer Informer Lab/],
    ];
    for (const [from, to, want] of cases) {
      expect(BASE.includes(from), from).toBe(true);
      const errs = errorsOf(BASE.replace(from, to));
      expect(
        errs.some((e) => want.test(e)),
        `${to}\n${errs.join('\n')}`,
      ).toBe(true);
    }
  });

  it('refuses a nesting that is too deep and lists that are too long', () => {
    let check = '{ count: { match: { key: a }, min: 0 } }';
    for (let i = 0; i < 10; i++) check = `{ all: [${check}] }`;
    const deep = BASE.replace(/ {2}check:\n {4}all:[\s\S]*$/, `  check: ${check}\n`);
    expect(errorsOf(deep).some((e) => e.includes('nested too deeply'))).toBe(true);
  });

  it('never throws on hostile input', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = validateLesson(v);
        return r.ok === false && r.errors.length > 0;
      }),
      { seed: 7, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat({ max: BASE.length }), (junk, at) => {
        const r = parseLesson(BASE.slice(0, at) + junk + BASE.slice(at));
        return typeof r.ok === 'boolean';
      }),
      { seed: 8, numRuns: 200 },
    );
    for (const v of [undefined, null, 42, '', '[]', 'apiVersion: informer-lab/v1']) {
      expect(parseLesson(v as string).ok).toBe(false);
    }
  });

  it('the embedded scenario of every built-in lesson round-trips through the scenario format', async () => {
    const { parseScenario } = await import('../parse');
    const { lessonById } = await import('./index');
    for (const src of LESSONS) {
      const s = lessonById(src.id)!.scenario;
      const back = parseScenario(scenarioToYaml(s));
      expect(back.ok && back.scenario).toEqual(s);
    }
  });
});
