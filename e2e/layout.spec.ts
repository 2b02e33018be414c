// Issue 14, layout: at 1440×900 the whole figure (List & Watch down to the workers, Done / Forget /
// AddRateLimited and the client write path) and the transport are on screen together without scrolling,
// and no figure text renders under 11 CSS px; in a lesson stopped at a question, its narration, the
// question with its choices and the goal are on screen too. At 768 and 390 px the page stacks (figure
// first), nothing runs off the side and the main regions do not overlap. Later growth of the figure
// (more boxes, more text, smaller type) fails here instead of quietly pushing the figure off screen.
// The compare view (issue 13): its one transport stays on screen and both figures keep 11 px text.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { ComparePage } from './pages/compare-page';
import { LabPage } from './pages/lab-page';

test.use({ locale: 'en-US' });

const MIN_TEXT_PX = 11;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function box(loc: Locator): Promise<Box> {
  const b = await loc.boundingBox();
  expect(b, 'the element is laid out').not.toBeNull();
  return b!;
}

/** Fails unless the element's whole box lies inside the viewport. */
async function expectOnScreen(page: Page, loc: Locator, what: string): Promise<void> {
  const vp = page.viewportSize()!;
  const b = await box(loc);
  expect(b.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(b.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, `${what}: right edge`).toBeLessThanOrEqual(vp.width);
  expect(b.y + b.height, `${what}: bottom edge`).toBeLessThanOrEqual(vp.height);
}

/**
 * The figure's parts that must be on screen, from the top (List & Watch) to the bottom (the workers,
 * Done / Forget / AddRateLimited) and the write path, and the whole drawing (the zoomed group).
 */
async function expectWholeFigureOnScreen(page: Page, app: AppPage): Promise<void> {
  const parts: [string, Locator][] = [
    ['the whole figure', app.figure.locator('[data-fig-viewport]')],
    ['List & Watch', app.figurePart('arrow-label-1:Foo')],
    ['the API server', app.figurePart('api-box')],
    ['the workqueue', app.figurePart('workqueue')],
    ['Done / Forget / AddRateLimited', app.figurePart('arrow-label-requeue')],
    ['the client write path', app.figurePart('arrow-label-write')],
    ['the Clients box', app.figure.locator('[data-box="clients"]')],
    ['the workers', app.figure.locator('.fig-workers')],
  ];
  for (const [what, loc] of parts) await expectOnScreen(page, loc, what);
}

/** The rendered size of every non-empty text of the figure: font size × the SVG's screen scale. */
async function figureTextSizes(app: AppPage): Promise<{ text: string; px: number }[]> {
  return svgTextSizes(app.figure.locator('svg'));
}

/** The rendered size of every non-empty text of a figure's SVG. */
async function svgTextSizes(svgLoc: Locator): Promise<{ text: string; px: number }[]> {
  return svgLoc.evaluate((svg) => {
    const out: { text: string; px: number }[] = [];
    for (const el of Array.from(svg.querySelectorAll('text'))) {
      const text = (el.textContent ?? '').trim();
      if (text === '') continue;
      const m = (el as SVGTextElement).getScreenCTM();
      if (m === null) continue;
      const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      out.push({ text, px: Number.parseFloat(getComputedStyle(el).fontSize) * scale });
      for (const span of Array.from(el.querySelectorAll('tspan'))) {
        const t = (span.textContent ?? '').trim();
        if (t !== '') out.push({ text: t, px: Number.parseFloat(getComputedStyle(span).fontSize) * scale });
      }
    }
    return out;
  });
}

async function expectReadableFigure(app: AppPage): Promise<number> {
  const sizes = await figureTextSizes(app);
  expect(sizes.length, 'the figure has text').toBeGreaterThan(40);
  const small = sizes.filter((s) => s.px < MIN_TEXT_PX).map((s) => `${s.text} (${s.px.toFixed(2)} px)`);
  expect(small, `figure text under ${MIN_TEXT_PX} px`).toEqual([]);
  return Math.min(...sizes.map((s) => s.px));
}

/** The playback bar, its play button and the timeline (by markup: the Chinese page has other names). */
async function expectTransportOnScreen(page: Page): Promise<void> {
  const bar = page.locator('.controls-bar');
  await expectOnScreen(page, bar, 'the playback bar');
  await expectOnScreen(page, bar.locator('.ctl-transport .ctl-primary'), 'Play');
  await expectOnScreen(page, bar.getByRole('slider'), 'the timeline');
}

test.describe('at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  for (const lang of ['en', 'zh-CN'] as const) {
    test(`the whole figure and the transport are on one screen, text at 11 px or more (${lang})`, async ({
      page,
    }) => {
      const app = new LabPage(page);
      await app.open(lang === 'en' ? './' : './?lang=zh-CN');
      // Run a little, so that the workers, the queues and the store have something in them.
      await app.stepForwardBy(40);
      expect(await page.evaluate(() => window.scrollY), 'nothing scrolled').toBe(0);
      await expectWholeFigureOnScreen(page, app);
      await expectTransportOnScreen(page);
      const min = await expectReadableFigure(app);
      test.info().annotations.push({ type: 'smallest figure text', description: `${min.toFixed(2)} px` });
      expect(app.errors).toEqual([]);
    });
  }

  test('a lesson stopped at a question: figure, transport, narration, question, choices and goal on one screen', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open('./?lesson=gone-410');
    await lab.playToQuestion();
    expect(await page.evaluate(() => window.scrollY), 'nothing scrolled').toBe(0);
    await expectWholeFigureOnScreen(page, lab);
    await expectTransportOnScreen(page);
    await expectReadableFigure(lab);
    // In view means inside the viewport and not clipped by the side panel's own scrolling.
    await expect(lab.lessonNarration).toBeInViewport({ ratio: 1 });
    await expect(lab.lessonQuestion.getByRole('heading')).toBeInViewport({ ratio: 1 });
    const choices = lab.lessonQuestion.locator('.ls-choice');
    expect(await choices.count()).toBeGreaterThan(1);
    for (const c of await choices.all()) await expect(c).toBeInViewport({ ratio: 1 });
    await expect(lab.lessonGoal).toBeInViewport({ ratio: 1 });
    expect(lab.errors).toEqual([]);
  });
});

/** The page's main regions, in the order they should stack on a narrow screen. */
function regions(page: Page): [string, Locator][] {
  return [
    ['header', page.locator('.app-header')],
    ['playback', page.locator('.controls-bar')],
    ['figure', page.locator('.figure-pane')],
    ['side panel', page.locator('.side-pane')],
    ['inspectors', page.locator('.inspector-pane')],
  ];
}

function overlap(a: Box, b: Box): boolean {
  const eps = 0.5;
  return (
    a.x + eps < b.x + b.width &&
    b.x + eps < a.x + a.width &&
    a.y + eps < b.y + b.height &&
    b.y + eps < a.y + a.height
  );
}

async function expectNoOverflowOrOverlap(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'no horizontal overflow of the document').toBeLessThanOrEqual(clientWidth);
  const boxes: [string, Box][] = [];
  for (const [name, loc] of regions(page)) boxes.push([name, await box(loc)]);
  for (let i = 0; i < boxes.length; i++) {
    const [na, a] = boxes[i]!;
    expect(a.x, `${na} starts inside the page`).toBeGreaterThanOrEqual(0);
    expect(a.x + a.width, `${na} ends inside the page`).toBeLessThanOrEqual(clientWidth + 0.5);
    for (let j = i + 1; j < boxes.length; j++) {
      const [nb, b] = boxes[j]!;
      expect(overlap(a, b), `${na} overlaps ${nb}`).toBe(false);
    }
  }
}

/** Column headers cut off (deploymentName was) and status chips wider than their cells. */
async function cutOffInTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const th of Array.from(document.querySelectorAll('.insp-table th')))
      if (th.scrollWidth > th.clientWidth) out.push(`header ${th.textContent}`);
    for (const chip of Array.from(document.querySelectorAll('.insp-table td .insp-chip'))) {
      const td = chip.closest('td')!.getBoundingClientRect();
      const c = chip.getBoundingClientRect();
      if (chip.scrollWidth > chip.clientWidth + 1 || c.right > td.right + 0.5)
        out.push(`chip ${chip.textContent}`);
    }
    return out;
  });
}

test.describe('the wide page', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test('keeps its regions apart', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await expectNoOverflowOrOverlap(page);
  });
});

for (const width of [1440, 768] as const) {
  test(`the API server's tables show whole headers and status chips, the tabs one row, at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const app = new AppPage(page);
    await app.goto();
    await app.stepForwardBy(10);
    await app.inspectors.open('API server');
    await expect(page.locator('.insp-table td .insp-chip').first()).toBeVisible();
    expect(await cutOffInTables(page)).toEqual([]);
    // The inspector tabs stay on one row ("Event log" used to wrap at 768 px).
    const tabs = await page.getByRole('tab').evaluateAll((els) =>
      els.map((e) => ({
        top: Math.round(e.getBoundingClientRect().top),
        h: (e as HTMLElement).offsetHeight,
      })),
    );
    expect(tabs.length).toBe(8);
    expect(new Set(tabs.map((x) => x.top)).size, 'one row of tabs').toBe(1);
  });
}

test.describe('the compare view at 1440×900 (issue 13)', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the one transport is on screen, and both figures draw their text at 11 px or more', async ({
    page,
  }) => {
    const cmp = new ComparePage(page);
    await cmp.open('./?compare=initial-list-classic-vs-modern');
    await cmp.nextDifference.click();
    await expect(cmp.summary).toBeVisible();
    for (const y of [0, 700, 100_000]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await expectOnScreen(page, cmp.transport, `the transport (scrolled to ${y})`);
      await expectOnScreen(page, cmp.playButton, 'Play');
      await expectOnScreen(page, cmp.timeline, 'the timeline');
      await expectOnScreen(page, cmp.nextDifference, 'Next difference');
    }
    for (const side of ['left', 'right'] as const) {
      const sizes = await svgTextSizes(cmp.figure(side).locator('svg'));
      expect(sizes.length, `the ${side} figure has text`).toBeGreaterThan(40);
      const small = sizes.filter((s) => s.px < MIN_TEXT_PX).map((s) => `${s.text} (${s.px.toFixed(2)} px)`);
      expect(small, `${side} figure text under ${MIN_TEXT_PX} px`).toEqual([]);
    }
    expect(cmp.errors).toEqual([]);
  });

  test('side by side on a very wide screen, still at 11 px or more', async ({ page }) => {
    await page.setViewportSize({ width: 2100, height: 1200 });
    const cmp = new ComparePage(page);
    await cmp.open('./?compare=initial-list-classic-vs-modern');
    const left = await box(cmp.side('left'));
    const right = await box(cmp.side('right'));
    expect(right.x, 'the right side is beside the left').toBeGreaterThan(left.x + left.width - 1);
    expect(Math.abs(right.y - left.y)).toBeLessThan(2);
    for (const side of ['left', 'right'] as const) {
      const sizes = await svgTextSizes(cmp.figure(side).locator('svg'));
      expect(sizes.filter((s) => s.px < MIN_TEXT_PX)).toEqual([]);
    }
  });
});

for (const vp of [
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
] as const) {
  test.describe(`at ${vp.width} px`, () => {
    test.use({ viewport: vp });

    for (const path of ['./', './?lesson=gone-410', './?lang=zh-CN'] as const) {
      test(`stacks the figure first, then the panels, with nothing cut off or overlapping (${path})`, async ({
        page,
      }) => {
        const lab = new LabPage(page);
        await lab.open(path);
        if (path.includes('lesson')) await lab.playToQuestion();
        else await lab.stepForwardBy(20);
        await expectNoOverflowOrOverlap(page);
        // One column: each region starts below the one before it; the figure comes before the panels.
        const tops: number[] = [];
        for (const [, loc] of regions(page)) tops.push((await box(loc)).y);
        for (let i = 1; i < tops.length; i++) expect(tops[i]!).toBeGreaterThan(tops[i - 1]!);
        // The figure spans the width; its zoom buttons do not cover it.
        const fig = await box(lab.figure.locator('svg'));
        expect(fig.width).toBeGreaterThan(vp.width * 0.8);
        const zoom = await box(lab.figure.locator('.fig-zoom'));
        if (vp.width < 700) expect(overlap(zoom, fig), 'the zoom buttons sit above the figure').toBe(false);
        expect(lab.errors).toEqual([]);
      });
    }
  });
}
