// Journeys of issue 14: the default page downloads neither the YAML parser nor the lesson player until a
// lesson is opened, and opening one still works; and fast-forward at a virtual-time rate in the page.
//
// Chunks are recognised by name: vite.config.ts puts the YAML library in a chunk of its own (`yaml-…`),
// and a dynamic import keeps its module's name (`lesson-player-…`, the lesson texts in `lessons-…`).
// The engine Worker's own file holds a YAML reader too (it reads scenarios); it is not a page chunk.
import { expect, type Page, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';

test.use({ locale: 'en-US' });

/** What a lesson needs and the default page must not download. */
const LESSON_CHUNK = /\/assets\/(yaml|lesson-player|lessons)-[\w-]+\.js$/;

/** Every script the page requests (module chunks, the Worker's file), by path. */
function recordScripts(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) seen.push(path);
  });
  return seen;
}

/** The transport's clock in ms ("mm:ss.mmm"). */
async function clockMs(lab: LabPage): Promise<number> {
  const text = ((await lab.page.locator('.ctl-clock').textContent()) ?? '').replace(/^\D+/, '').trim();
  const m = /^(\d+):(\d{2})\.(\d{3})$/.exec(text);
  if (m === null) throw new Error(`unexpected clock "${text}"`);
  return Number(m[1]) * 60_000 + Number(m[2]) * 1000 + Number(m[3]);
}

test.describe('the first load', () => {
  test('the default page loads no YAML parser and no lesson player until a lesson is opened', async ({
    page,
  }) => {
    const scripts = recordScripts(page);
    const lab = new LabPage(page);
    await lab.goto();
    // Use the page a while: play, step, open the event log, then wait for the network to settle.
    await lab.playButton.click();
    await expect.poll(() => lab.step()).toBeGreaterThan(3);
    await lab.pauseButton.click();
    await lab.stepForwardBy(2);
    await lab.inspectors.open('Event log');
    await page.waitForLoadState('networkidle');
    expect(scripts.some((s) => /\/assets\/index-[\w-]+\.js$/.test(s))).toBe(true);
    expect(scripts.filter((s) => LESSON_CHUNK.test(s))).toEqual([]);
    await expect(lab.lessonPanel).toContainText('Pick a lesson');

    // Opening a lesson brings the player, the lesson texts and the parser, and the lesson works.
    await lab.lessonPicker.selectOption('cold-start');
    await expect(lab.lessonTitle).toHaveText(/^Lesson 1: Cold start/);
    await expect(lab.lessonGoal).toBeVisible();
    await expect(lab.lessonNarration).not.toContainText('Reading the lesson');
    for (const name of ['yaml', 'lesson-player', 'lessons'])
      expect(scripts.some((s) => s.includes(`/assets/${name}-`))).toBe(true);
    // Playing stops before the lesson's first pause and asks.
    await lab.playButton.click();
    await expect(lab.lessonQuestion).toBeVisible();
    await expect(lab.playButton).toBeVisible();
    expect(lab.errors).toEqual([]);
  });
});

test.describe('fast-forward at a virtual-time rate', () => {
  test('1 min of virtual time per second: the clock runs at the rate, the resyncs pass by, pause stops it', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.speed.selectOption('1min/s');
    await expect(lab.speed.locator('option:checked')).toHaveText('1 min/s');
    await lab.playButton.click();
    // The default scenario's script ends at 20 s; the informers then resync every 30 s.
    await expect.poll(() => clockMs(lab), { timeout: 15_000 }).toBeGreaterThan(95_000);
    await lab.pauseButton.click();
    // Paused, the clock shows the time of the step on screen, at or after a resync at about 90 s.
    const paused = await clockMs(lab);
    expect(paused).toBeGreaterThan(60_000);
    await page.waitForTimeout(400);
    expect(await clockMs(lab)).toBe(paused);
    // The step on screen is far below what fast-forward at full speed reaches in seconds.
    expect(await lab.step()).toBeLessThan(5_000);
    expect(lab.errors).toEqual([]);
  });
});
