// The lesson player's logic over real lesson runs: where playing stops, what the pause card shows before
// and after an answer, the narration in force, and the goal over the trace so far. The engine host's
// look-ahead trace is the same as a headless run of the lesson.
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById, runLesson } from '../../scenarios/lessons';
import { createEngineHost } from '../../worker/engine-host';
import { lessonScenario } from '../../worker/lessons';
import { lessonView, prepareLesson, recordsUpTo, SKIPPED } from './player-logic';

function withPauses() {
  for (const src of LESSONS) {
    const lesson = lessonById(src.id)!;
    if (lesson.pauses.length > 0) return lesson;
  }
  throw new Error('no lesson has a pause');
}

describe('lesson player logic', () => {
  const lesson = withPauses();
  const { records } = runLesson(lesson);
  const prepared = prepareLesson(lesson, records);
  const first = lessonView(prepared, 0, {}, 'en');
  const pauseStep = first.stopPoints[0]!;

  it('stops before every unanswered pause and asks at the step before it', () => {
    expect(first.stopPoints.length).toBeGreaterThan(0);
    expect(first.stopPoints).toEqual([...first.stopPoints].sort((a, b) => a - b));
    expect(first.card).toBeNull();
    const asking = lessonView(prepared, pauseStep - 1, {}, 'en');
    expect(asking.card).toMatchObject({ step: pauseStep, picked: null, outcome: null });
    expect(asking.stopPoints[0]).toBe(pauseStep);
    // Past it without answering: it no longer stops there.
    expect(lessonView(prepared, pauseStep, {}, 'en').stopPoints).not.toContain(pauseStep);
  });

  it('after an answer: no stop there, and the card reveals the answer from the trace', () => {
    const id = lessonView(prepared, pauseStep - 1, {}, 'en').card!.pause.id;
    const p = lesson.pauses.find((x) => x.id === id)!;
    const v = lessonView(prepared, pauseStep - 1, { [id]: p.answer }, 'en');
    expect(v.stopPoints).not.toContain(pauseStep);
    expect(v.card?.picked).toBe(p.answer);
    expect(v.card?.outcome?.decided).toBe(true);
    expect(v.card?.outcome?.holds[p.answer]).toBe(true);
    expect(v.card?.outcome?.reveal.length).toBeGreaterThan(0);
    expect(v.pausesAnswered).toBe(1);
    // Still shown while the answer's window is on screen, gone after it.
    expect(lessonView(prepared, pauseStep + 1, { [id]: SKIPPED }, 'en').card?.pause.id).toBe(id);
    expect(lessonView(prepared, pauseStep - 1 + p.within, { [id]: SKIPPED }, 'en').card?.pause.id).not.toBe(
      id,
    );
  });

  it('shows the lesson narration in force, in the active language', () => {
    expect(first.narration).toBeNull();
    const end = lessonView(prepared, lesson.steps, {}, 'en');
    const zh = lessonView(prepared, lesson.steps, {}, 'zh-CN');
    expect(end.narration).not.toBeNull();
    expect(zh.narration).not.toBe(end.narration);
    expect(zh.narration).toMatch(/[\u4e00-\u9fff]/);
  });

  it('judges the goal over the trace so far: not yet at the start, reached at the end', () => {
    for (const src of LESSONS) {
      const l = lessonById(src.id)!;
      const run = runLesson(l);
      expect(lessonView(prepareLesson(l, run.records), 0, {}, 'en').goalMet, src.id).toBe(false);
      expect(lessonView(prepareLesson(l, run.records), l.steps, {}, 'en').goalMet, src.id).toBe(true);
    }
  });

  it('cuts records at a step', () => {
    expect(recordsUpTo(records, 0)).toEqual([]);
    expect(recordsUpTo(records, 10).every((r) => r.step <= 10)).toBe(true);
    expect(recordsUpTo(records, 10).length).toBe(records.filter((r) => r.step <= 10).length);
    expect(recordsUpTo(records, 1e9)).toBe(records);
  });

  it('the host looks ahead to the same trace as a headless run of the lesson', () => {
    const host = createEngineHost({ lessons: lessonScenario });
    host.handle({
      id: 1,
      type: 'open',
      session: { source: { kind: 'lesson', id: lesson.id }, interventions: [], step: 0 },
    });
    const tr = host.handle({ id: 2, type: 'trace', from: 1, to: lesson.steps });
    if (tr.type !== 'trace') throw new Error(tr.type);
    expect(tr.records).toEqual(records);
  });
});
