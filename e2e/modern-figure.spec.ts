// Issue 12, the figure in modern mode (settings.era modern, client-go v0.36.3): a link to the default
// story in the modern era shows the FIFO box as RealFIFO with one cell per entry (the watch-list's
// ReplacedAll as one wide entry holding its objects), the watch-list stream on arrow 1 (R19), the
// indexer's resourceVersion (I7), a batch pop's keys travelling arrows 3–6 as one token per arrow and
// listed beside the handlers (SI2 [C]), and the RealFIFO inspector; each checked against the frame the
// same engine computes in Node. The modern marks keep clear of the figure's boxes and their text is
// at least 11 px at 1440×900 and 1024×768, and axe finds no violation on the modern page.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import type { Frame } from '../src/engine/model/frame';
import type { Scenario } from '../src/engine/model/scenario';
import { ENGINE_BEHAVIOUR_VERSION } from '../src/engine/version';
import { libraryScenario } from '../src/scenarios/library';
import { parseScenario } from '../src/scenarios/parse';
import { encodeLink } from '../src/scenarios/url-codec';
import { LabPage } from './pages/lab-page';
import { NodeEngine } from './support/engine';

test.use({ locale: 'en-US', viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });

function modernDefault(): Scenario {
  const r = parseScenario(libraryScenario('default')!.yaml);
  if (!r.ok) throw new Error('default does not parse');
  return { ...r.scenario, settings: { ...r.scenario.settings, era: 'modern' } };
}

const engine = new NodeEngine({ kind: 'scenario', scenario: modernDefault() });

/** The first step (from 1) whose Node frame passes `pred`. */
function firstStep(pred: (f: Frame) => boolean, max = 400): { step: number; frame: Frame } {
  for (let s = 1; s <= max; s++) {
    const f = engine.seek(s);
    if (pred(f)) return { step: s, frame: f };
  }
  throw new Error('no such step');
}

/** Picks the inspector's informer lane by its visible label (the radio itself is drawn by the label). */
async function pickLane(page: Page, lane: 'Foo' | 'Deployment'): Promise<void> {
  await page.locator('.lane-option', { hasText: `${lane} informer` }).click();
  await expect(page.getByRole('radio', { name: `${lane} informer`, exact: true })).toBeChecked();
}

async function openAt(page: Page, step: number): Promise<LabPage> {
  const payload = encodeLink({
    source: { kind: 'scenario', scenario: modernDefault() },
    step,
    interventions: [],
    engine: ENGINE_BEHAVIOUR_VERSION,
  });
  const lab = new LabPage(page);
  await lab.open(`./#${payload}`);
  await expect(lab.workspace).toHaveAttribute('data-step', String(step));
  return lab;
}

test('the watch-list stream on arrow 1, then one wide ReplacedAll in the RealFIFO box (R19, R20, F3)', async ({
  page,
}) => {
  const streaming = firstStep((f) => (f.lanes.Foo.modern?.streamed ?? 0) >= 2);
  const lab = await openAt(page, streaming.step);
  await expect(lab.figure.getByText('RealFIFO', { exact: true })).toBeVisible();
  await expect(page.getByTestId('stream-tag-Foo').locator('text')).toHaveText(
    `watch-list stream · ${streaming.frame.lanes.Foo.modern!.streamed}`,
  );
  await expect(page.getByTestId('reflector-phase-Foo')).toContainText('streaming initial events');

  // The end bookmark came: Replace put one ReplacedAll in the FIFO, holding every streamed object.
  const queued = firstStep((f) => f.lanes.Foo.modern?.entries[0]?.type === 'ReplacedAll');
  const all = queued.frame.lanes.Foo.modern!.entries[0]!;
  await openAt(page, queued.step);
  const fifo = page.getByTestId('fifo-Foo');
  await expect(fifo).toHaveAttribute('data-era', 'modern');
  const wide = fifo.locator('.fig-cell.is-replaced-all');
  await expect(wide).toHaveCount(1);
  await expect(wide).toContainText(`ReplacedAll ×${all.objects}`);
  const box = (await wide.locator('.fig-cell-bg').boundingBox())!;
  const cell = (await fifo.locator('.fig-cell-bg.is-empty').first().boundingBox())!;
  expect(box.height).toBeGreaterThan(1.8 * cell.height); // two cells: one wide entry
  await expect(page.getByTestId('stream-tag-Foo')).toHaveCount(0);
});

test('the indexer shows its resourceVersion (I7), as Node computes it', async ({ page }) => {
  const replaced = firstStep(
    (f) => f.lanes.Foo.modern?.indexerRv !== '' && f.lanes.Deployment.modern?.indexerRv !== '',
  );
  await openAt(page, replaced.step);
  await expect(page.getByTestId('indexer-rv-Foo').locator('text')).toHaveText(
    `RV ${replaced.frame.lanes.Foo.modern!.indexerRv}`,
  );
  await expect(page.getByTestId('indexer-rv-Deployment').locator('text')).toHaveText(
    `RV ${replaced.frame.lanes.Deployment.modern!.indexerRv}`,
  );
});

test('a batch pop sends its keys along arrows 3–6 together, and the handlers region lists them (SI2 [C])', async ({
  page,
}) => {
  const batch = firstStep((f) => f.lanes.Deployment.modern?.processing?.batch === true);
  const keys = batch.frame.lanes.Deployment.modern!.processing!.entries.map((e) => e.key!);
  expect(keys.length).toBeGreaterThan(1);
  const lab = await openAt(page, batch.step);
  for (const arrow of ['3', '4', '5', '6']) {
    const tokens = lab.figure.locator(`.fig-token[data-arrow="${arrow}:Deployment"]`);
    await expect(tokens, `arrow ${arrow}`).toHaveCount(1);
    await expect(tokens.locator('title')).toHaveText(
      new RegExp(`batch of ${keys.length} keys \\(${keys.join(', ')}\\)`),
    );
  }
  const note = page.getByTestId('batch-note');
  await expect(note).toContainText('Deployment batch:');
  for (const k of keys) await expect(note).toContainText(k.slice(k.indexOf('/') + 1));

  // The RealFIFO inspector: the tab says RealFIFO and shows the batch being processed.
  await lab.inspectors.open('RealFIFO');
  await pickLane(page, 'Deployment');
  const insp = page.getByTestId('inspector-fifo-Deployment');
  await expect(insp.getByRole('heading', { name: 'RealFIFO (Deployment)' })).toBeVisible();
  await expect(insp).toContainText(`PopBatch: batch of ${keys.length}`);
  const take = page.getByTestId('fifo-take-Deployment');
  for (const k of keys) await expect(take).toContainText(k);
  expect(lab.errors).toEqual([]);
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test(`the modern marks keep clear of the boxes, text at 11 px or more (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    // A step with the ReplacedAll queued (cells with text), then a batch pop (the batch note).
    const queued = firstStep((f) => f.lanes.Foo.modern?.entries[0]?.type === 'ReplacedAll');
    const batch = firstStep((f) => f.lanes.Deployment.modern?.processing?.batch === true);
    for (const step of [queued.step, batch.step]) await checkMarks(page, step);
  });
}

/** Opens `step` and checks the modern marks' places and text sizes. */
async function checkMarks(page: Page, step: number): Promise<void> {
  const viewport = page.viewportSize()!;
  await openAt(page, step);
  const marks = page.locator(
    '[data-testid^="indexer-rv-"] text, [data-testid="batch-note"] text, .fig-realfifo text',
  );
  expect(await marks.count()).toBeGreaterThanOrEqual(2);
  const found = await page.evaluate(() => {
    const svg = document.querySelector('[data-testid="figure"] svg') as SVGSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const rect = (e: Element) => e.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('[data-box]')]
      .filter((b) => !b.closest('.fig-realfifo') || b.classList.contains('fig-realfifo'))
      .map((b) => ({ id: b.getAttribute('data-box')!, r: rect(b) }));
    const overlaps: string[] = [];
    const small: string[] = [];
    const outside: string[] = [];
    for (const el of svg.querySelectorAll(
      '[data-testid^="indexer-rv-"] text, [data-testid="batch-note"] text, [data-testid^="stream-tag-"] text',
    )) {
      const r = rect(el);
      for (const b of boxes)
        if (
          r.left < b.r.right - 1 &&
          b.r.left < r.right - 1 &&
          r.top < b.r.bottom - 1 &&
          b.r.top < r.bottom - 1
        )
          overlaps.push(`${el.textContent} over ${b.id}`);
    }
    for (const el of svg.querySelectorAll('.fig-realfifo .fig-cell')) {
      const bg = el.querySelector('.fig-cell-bg');
      const t = el.querySelector('text');
      if (bg === null || t === null) continue;
      const c = rect(bg);
      const r = rect(t);
      if (r.left < c.left - 1 || r.right > c.right + 1 || r.top < c.top - 1 || r.bottom > c.bottom + 1)
        outside.push(t.textContent ?? '');
    }
    for (const el of svg.querySelectorAll(
      '.fig-realfifo text, .fig-realfifo tspan, .fig-indexer-rv text, .fig-batch-note tspan, .fig-stream-tag text',
    )) {
      const px = Number.parseFloat(getComputedStyle(el).fontSize) * scale;
      if ((el.textContent ?? '').trim() !== '' && px < 11)
        small.push(`${el.textContent}: ${px.toFixed(1)}px`);
    }
    return { overlaps, small, outside };
  });
  expect(found.overlaps).toEqual([]);
  expect(found.outside).toEqual([]);
  if (viewport.width >= 1440) expect(found.small).toEqual([]);
}

test('axe finds no violation on the modern page, with the RealFIFO inspector open', async ({ page }) => {
  test.setTimeout(60_000);
  const batch = firstStep((f) => f.lanes.Deployment.modern?.processing?.batch === true);
  const lab = await openAt(page, batch.step);
  await lab.inspectors.open('RealFIFO');
  for (const lane of ['Foo', 'Deployment'] as const) {
    await pickLane(page, lane);
    const result = await new AxeBuilder({ page }).analyze();
    const lines = result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} [${v.impact ?? '?'}] ${n.target.join(' ')}: ${v.help}`),
    );
    expect(lines).toEqual([]);
  }
});
