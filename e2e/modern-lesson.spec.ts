// Issue 12: a modern lesson (client-go v0.36.3) in the browser. Lesson 21, the initial list as a
// WatchList stream, opens by URL with its era shown; the player stops in front of its first question at
// the step the lesson's own run in Node says; the right answer is confirmed with what the trace shows;
// the lesson then plays to its goal. The picker groups the lessons by era, and the era label passes axe in
// both languages.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { t } from '../src/i18n';
import { findPauses, lessonById, runLesson } from '../src/scenarios/lessons';
import { LabPage } from './pages/lab-page';

test.use({ locale: 'en-US' });

test('lesson 21 (modern): WatchList stops at its question, the answer is confirmed, the goal is reached', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const lesson = lessonById('watch-list');
  expect(lesson?.era).toBe('modern');
  const pauses = findPauses(lesson!, runLesson(lesson!).records);
  const first = pauses[0]!;
  expect(first.step).not.toBeNull();
  const pause = lesson!.pauses[first.index]!;
  const answer = pause.choices.find((c) => c.id === pause.answer)!;

  const lab = new LabPage(page);
  await lab.open('./?lesson=watch-list');
  await expect(lab.lessonTitle).toHaveText('Lesson 21: WatchList: the initial list arrives as a stream');
  const era = page.getByTestId('lesson-era');
  await expect(era).toHaveAttribute('data-era', 'modern');
  await expect(era).toContainText(t('links.lesson.era.modern'));
  await expect(era).toContainText('v0.36.3');

  // The picker groups the lessons by era; this one is in the modern group.
  const modernGroup = lab.lessonPicker.locator('optgroup[data-era="modern"]');
  await expect(modernGroup).toHaveAttribute('label', t('links.lesson.era.group.modern'));
  await expect(modernGroup.locator('option[value="watch-list"]')).toHaveCount(1);
  await expect(lab.lessonPicker.locator('optgroup[data-era="classic"] option')).toHaveCount(17);

  // The player stops just before the first step the question is about (the end bookmark).
  await lab.playToQuestion();
  await lab.waitForStep(first.step! - 1);
  await expect(lab.lessonQuestion).toContainText(pause.question.en);
  await lab.lessonQuestion.getByRole('button', { name: answer.text.en, exact: true }).click();
  await expect(lab.lessonQuestion).toContainText(t('links.lesson.right'));
  await expect(lab.lessonQuestion).toContainText('temporaryStore.List()');
  // "From the trace": the reflector's records of the next steps, the end bookmark among them.
  await expect(lab.lessonQuestion.locator('.ls-reveal li').first()).toBeVisible();
  await lab.lessonQuestion.getByRole('button', { name: 'Continue' }).click();

  await lab.playToGoal();
  await expect(lab.lessonGoal).toHaveAttribute('data-met', 'true');
  expect(lab.errors).toEqual([]);
});

for (const lang of ['en', 'zh-CN'] as const) {
  test(`the lesson panel with its era label passes axe (${lang})`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open(`./?lesson=atomic-replace&lang=${lang}`);
    const era = page.getByTestId('lesson-era');
    await expect(era).toHaveAttribute('data-era', 'modern');
    await expect(era).toContainText(lang === 'en' ? 'Modern' : '现代');
    const result = await new AxeBuilder({ page }).include('[data-testid="lesson-panel"]').analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    expect(lab.errors).toEqual([]);
  });
}
