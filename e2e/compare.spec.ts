// Issue 13, the compare view in the page: a built-in comparison opens with both sides at step 0, "Next
// difference" puts both sides at the first step where the runs part — the steps, the frames (digests)
// and the summary the comparer computes in Node from the same engine — and "Share comparison" makes a
// link that reopens in a new page at the same two frames. The Chinese page speaks Chinese; a bad
// comparison link says so and the default page works; a Worker crash on one side leaves the other
// stepping, and "Restart this side" brings the crashed side back.
import { expect, type Page, test, type Worker } from '@playwright/test';
import { createComparer } from '../src/compare';
import type { Difference, Side } from '../src/compare/types';
import type { Session } from '../src/engine/model/session';
import { summaryText } from '../src/i18n/compare-summary';
import { comparisonById, comparisonSessions } from '../src/scenarios/comparisons';
import { createEngineHost } from '../src/worker/engine-host';
import type { RequestBody } from '../src/worker/protocol';
import { ComparePage } from './pages/compare-page';
import { FRAME_LIMIT } from './support/engine';

test.use({ locale: 'en-US', viewport: { width: 1440, height: 900 } });

const ID = 'initial-list-classic-vs-modern';

/** One side's engine in Node (the EngineHost the Worker runs). */
function nodeSide(session: Session) {
  const host = createEngineHost();
  let id = 1;
  const send = (body: RequestBody) => host.handle({ ...body, id: id++ } as Parameters<typeof host.handle>[0]);
  const opened = send({ type: 'open', session, frameLimit: FRAME_LIMIT });
  if (opened.type !== 'opened') throw new Error(`open failed: ${JSON.stringify(opened)}`);
  return {
    digestAt(step: number): string {
      const r = send({ type: 'seek', step });
      if (r.type !== 'frame') throw new Error(`seek failed: ${JSON.stringify(r)}`);
      return r.frame.digest;
    },
    trace(from: number, to: number) {
      const r = send({ type: 'trace', from, to });
      if (r.type !== 'trace') throw new Error(`trace failed: ${JSON.stringify(r)}`);
      return r;
    },
  };
}

/** The first difference of a built-in comparison, as the comparer finds it over both traces in Node. */
function firstDifferenceInNode(id: string): { d: Difference; digests: Record<Side, string> } {
  const c = comparisonById(id);
  if (c === undefined) throw new Error(`no comparison ${id}`);
  const { left, right } = comparisonSessions(c);
  const sides = { left: nodeSide(left), right: nodeSide(right) };
  const eraOf = (s: Session) =>
    s.source.kind === 'library' || s.source.kind === 'lesson'
      ? (s.source.changes?.era ?? 'classic')
      : 'classic';
  const comparer = createComparer({ leftEra: eraOf(left), rightEra: eraOf(right) });
  const fed = { left: 0, right: 0 };
  for (let round = 0; round < 50; round++) {
    for (const s of ['left', 'right'] as const) {
      const w = sides[s].trace(fed[s] + 1, fed[s] + 500);
      const ended = !w.truncated && w.to < fed[s] + 500;
      comparer.feed(s, w.records, fed[s] + 1, w.to, ended);
      fed[s] = w.to;
    }
    const first = comparer.result().differences[0];
    if (first !== undefined) {
      return {
        d: first,
        digests: { left: sides.left.digestAt(first.leftStep), right: sides.right.digestAt(first.rightStep) },
      };
    }
  }
  throw new Error('no difference found in Node');
}

async function engineWorkers(page: Page): Promise<Worker[]> {
  await expect.poll(() => page.workers().length).toBe(2);
  return page.workers();
}

test('a built-in comparison: Next difference shows both sides where they part, and a shared link reopens there', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const expected = firstDifferenceInNode(ID);
  const cmp = new ComparePage(page);
  await cmp.open(`./?compare=${ID}`);
  await cmp.waitForSteps(0, 0);
  await expect(cmp.intro).toContainText(comparisonById(ID)!.title.en);
  await expect(cmp.differs).toContainText('client-go version');

  await cmp.nextDifference.click();
  await cmp.waitForSteps(expected.d.leftStep, expected.d.rightStep);
  expect(await cmp.digest('left')).toBe(expected.digests.left);
  expect(await cmp.digest('right')).toBe(expected.digests.right);
  await expect(cmp.summary).toHaveText(summaryText(expected.d.summary));
  await expect(cmp.difference).toHaveAttribute('data-left-step', String(expected.d.leftStep));
  await expect(cmp.difference).toHaveAttribute('data-right-step', String(expected.d.rightStep));

  const url = await cmp.shareLink();
  expect(url).toMatch(/#v2\./);
  const again = new ComparePage(await context.newPage());
  await again.open(url);
  await again.waitForSteps(expected.d.leftStep, expected.d.rightStep);
  expect(await again.digest('left')).toBe(expected.digests.left);
  expect(await again.digest('right')).toBe(expected.digests.right);
  // A link that reproduces its frames raises no "differs" notice.
  await expect(again.page.getByTestId('notice-link-replay')).toHaveCount(0);
  expect([...cmp.errors, ...again.errors]).toEqual([]);
});

test("a built-in comparison's check is judged like a lesson goal over what each side has shown", async ({
  page,
}) => {
  const cmp = new ComparePage(page);
  await cmp.open('./?compare=deepcopy');
  await cmp.waitForSteps(0, 0);
  const check = page.getByTestId('compare-check');
  await expect(check).toHaveAttribute('data-met', 'false');
  await expect(check).toContainText('not yet');
  // The comparison's steps (100) on both sides: the right side mutated its cache, the left did not.
  await cmp.open('./?compare=deepcopy&step=100');
  await cmp.waitForSteps(100, 100);
  await expect(check).toHaveAttribute('data-met', 'true');
  await expect(check).toContainText('✓ met');
  expect(cmp.errors).toEqual([]);
});

test('the transport steps both sides, and Space and Home work from the keyboard', async ({ page }) => {
  const cmp = new ComparePage(page);
  await cmp.open(`./?compare=${ID}`);
  await cmp.alignStep.check();
  await cmp.stepForwardButton.click();
  await cmp.waitForSteps(1, 1);
  await cmp.stepForwardButton.click();
  await cmp.waitForSteps(2, 2);
  await page.keyboard.press('Home');
  await cmp.waitForSteps(0, 0);
  await cmp.speed.selectOption('10');
  // Keys typed in a form control are the control's own (as on the main page): leave it first.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(cmp.pauseButton).toBeVisible();
  await expect.poll(() => cmp.step('left')).toBeGreaterThan(3);
  await page.keyboard.press('Space');
  await expect(cmp.playButton).toBeVisible();
  expect(cmp.errors).toEqual([]);
});

test("a key chosen in a side's figure opens the inspectors and its history on that side", async ({
  page,
}) => {
  const cmp = new ComparePage(page);
  await cmp.open('./?compare=deepcopy');
  await cmp.nextDifference.click();
  await expect(cmp.summary).toBeVisible();
  await cmp.figure('right').locator('.fig-store-row-Foo [role="button"]').first().click();
  const details = page.getByTestId('compare-details');
  await expect(details.getByRole('radio', { name: 'Right' })).toBeChecked();
  await expect(details.getByTestId('key-history')).toBeVisible();
  await details.getByRole('radio', { name: 'Left' }).check();
  await expect(details.getByTestId('key-history')).toHaveCount(0);
  // Both traces, interleaved by time, each row marked with its side.
  await page.locator('.cmp-both-log > summary').click();
  await expect(cmp.bothLog.locator('.elog-side.is-left').first()).toHaveText('L');
  await expect(cmp.bothLog.locator('.elog-side.is-right').first()).toHaveText('R');
  expect(cmp.errors).toEqual([]);
});

test('the Chinese page speaks Chinese', async ({ page }) => {
  const cmp = new ComparePage(page);
  await cmp.open(`./?compare=${ID}&lang=zh-CN`);
  await expect(page.getByText('对比两次运行', { exact: true })).toBeVisible();
  await expect(cmp.transport.getByRole('button', { name: '下一个差异' })).toBeVisible();
  await expect(cmp.intro).toContainText(comparisonById(ID)!.title.zh);
  await expect(cmp.side('left').getByRole('heading', { name: '左侧' })).toBeVisible();
  expect(cmp.errors).toEqual([]);
});

test('a bad comparison link says so, and the default page works', async ({ page }) => {
  const cmp = new ComparePage(page);
  await page.goto('./?compare=no-such-comparison');
  await expect(page.getByRole('alert').first()).toContainText('no-such-comparison');
  const workspace = page.locator('.workspace');
  await expect(workspace).toHaveAttribute('data-step', '0');
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await expect(workspace).toHaveAttribute('data-step', '1');
  // A cut comparison link: the same, with the link's own message.
  await page.goto('./#v2.not-a-real-link');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.locator('.workspace')).toHaveAttribute('data-step', /^\d+$/);
  expect(cmp.errors).toEqual([]);
});

test('a Worker crash on one side leaves the other stepping; Restart this side brings it back', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const cmp = new ComparePage(page);
  await cmp.open(`./?compare=${ID}`);
  await cmp.alignStep.check();
  await cmp.stepForwardButton.click();
  await cmp.waitForSteps(1, 1);
  const [first] = await engineWorkers(page);
  await first!.evaluate(() => {
    setTimeout(() => {
      throw new Error('e2e: injected worker crash');
    }, 0);
  });
  const crashed = page.locator('[data-compare-side]').filter({ hasText: 'This side stopped:' });
  await expect(crashed).toHaveCount(1);
  await expect(crashed).toContainText('e2e: injected worker crash');
  const side = (await crashed.getAttribute('data-compare-side')) as Side;
  const other: Side = side === 'left' ? 'right' : 'left';
  await cmp.stepForwardButton.click();
  await expect(cmp.side(other)).toHaveAttribute('data-step', '2');
  await crashed.getByRole('button', { name: 'Restart this side' }).click();
  await expect(page.locator('[data-compare-side]').filter({ hasText: 'This side stopped:' })).toHaveCount(0);
  await expect.poll(() => page.workers().length).toBe(2);
  await cmp.stepForwardButton.click();
  await expect(cmp.side(other)).toHaveAttribute('data-step', '3');
  await expect(cmp.side(side)).toHaveAttribute('data-step', /^\d+$/);
  // Page errors are expected here (the injected crash); nothing else is checked about them.
});

test('Compare… on the main page opens the run beside the other era', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('./');
  await expect(page.locator('.workspace')).toHaveAttribute('data-step', '0');
  await page.getByRole('button', { name: 'Compare…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare this run with a variation' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Open the comparison' }).click();
  const cmp = new ComparePage(page);
  await cmp.waitForBoth();
  await expect(cmp.side('right')).toContainText('modern');
  await expect(cmp.side('left')).toContainText('classic');
  expect(cmp.errors).toEqual([]);
});
