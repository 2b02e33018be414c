/**
 * The hand-written catalog (what the page shows before any lesson text is loaded) says exactly what the
 * lessons themselves say: the same lessons, in course order, with each parsed lesson's id, number, era and
 * title, and no lesson text left out of it.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LESSON_ID, LESSON_CATALOG } from './catalog-data';
import { LESSON_TEXTS } from './library/index';
import { parseLesson } from './parse';

describe('the lesson catalog', () => {
  it('has one entry per lesson text, and no other', () => {
    expect(LESSON_CATALOG.map((e) => e.id).sort()).toEqual(Object.keys(LESSON_TEXTS).sort());
    expect(new Set(LESSON_CATALOG.map((e) => e.id)).size).toBe(LESSON_CATALOG.length);
  });

  it('equals the metadata of the parsed lessons, in course order', () => {
    const parsed = LESSON_CATALOG.map((e) => {
      const r = parseLesson(LESSON_TEXTS[e.id] ?? '');
      if (!r.ok) throw new Error(`lesson ${e.id} does not parse: ${r.errors[0]?.message}`);
      return { id: r.lesson.id, number: r.lesson.number, era: r.lesson.era, title: r.lesson.title };
    });
    expect(LESSON_CATALOG).toEqual(parsed);
    expect(parsed.map((l) => l.number)).toEqual([...parsed.map((l) => l.number)].sort((a, b) => a - b));
  });

  it('names a default lesson it has', () => {
    expect(LESSON_CATALOG.some((e) => e.id === DEFAULT_LESSON_ID)).toBe(true);
  });
});
