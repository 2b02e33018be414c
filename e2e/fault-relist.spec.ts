// Journey of issue 3: a fault leads to the relist the spec says. An ERROR 410 on the Foo watch ends
// the watch with Expired (R10, R13): the RV is NOT marked unavailable, ListAndWatch returns, the
// reflector backs off (R1, R2), then relists with resourceVersion = lastSyncResourceVersion and
// limit=0 (R4.3, R5), applies it with Replace (R7) and watches again from the list's RV (R9).
import { expect, test } from '@playwright/test';
import { t } from '../src/i18n';
import { renderNarration } from '../src/i18n/narration';
import { AppPage } from './pages/app-page';
import { NodeEngine } from './support/engine';

// The UI strings these journeys read are the English ones (the page follows the browser's language).
test.use({ locale: 'en-US' });

/** Where the fault is injected: the Foo reflector is watching, the controller is busy. */
const FAULT_STEP = 120;

test('an ERROR 410 on the Foo watch leads to backoff, then a LIST at lastSyncResourceVersion', async ({
  page,
}) => {
  // What the engine says, computed in Node with the same intervention at the same step.
  const engine = new NodeEngine();
  engine.seek(FAULT_STEP);
  const afterFault = engine.intervene({ action: 'watchError', code: 410, kind: 'Foo' });
  const relist = engine.runUntil({ kind: 'relist' });
  const records = engine.records(FAULT_STEP, relist.step).filter((r) => r.lane === 'Foo');
  const list = records.find((r) => r.message === 'reflector.list');
  expect(list, 'the engine relists after the fault').toBeDefined();

  const app = new AppPage(page);
  await app.goto();
  await app.seekTo(FAULT_STEP);

  // Interventions happen while paused, at the step on screen, and fork the timeline there.
  await app.interventions.breakWatch('410', 'Foo');
  await expect(app.interventions.status).toContainText(t('controls.iv.applied', { step: FAULT_STEP }));
  await expect.poll(() => app.digest()).toBe(afterFault.digest);

  // Step until the Foo reflector backs off; it must back off towards a relist, not a re-watch.
  const ins = app.inspectors;
  await ins.open('Reflector');
  await ins.lane('Foo');
  const reflector = ins.reflector('Foo');
  const countdown = page.getByTestId('reflector-backoff-Foo');
  for (let i = 0; i < 40 && !(await countdown.isVisible()); i++) await app.stepForwardBy(1);
  await expect(countdown).toBeVisible();
  expect(await ins.factText(reflector, t('inspectors.reflector.phase'))).toBe(
    t('inspectors.reflector.phase.backoff-relist'),
  );
  // R13: Expired/Gone does not set "RV unavailable", so the relist may be served from the cache.
  expect(await ins.factText(reflector, t('inspectors.reflector.rvUnavailable'))).toBe(
    t('inspectors.reflector.rvUnavailableNo'),
  );
  const lastSync = ((await ins.fact(reflector, 'lastSyncResourceVersion').textContent()) ?? '').trim();
  expect(lastSync).toMatch(/^\d+$/);
  // The narration of the backoff step names the relist.
  const backoffStep = await app.step();
  const backoff = records.find((r) => r.message === 'reflector.backoff');
  expect(backoffStep).toBe(backoff?.step);
  await expect(app.narration).toContainText(renderNarration(backoff!, 'en'));

  // Run until the relist: the page stops at the step the engine stops at.
  await app.runUntil('the next relist');
  await app.waitForStep(relist.step);
  expect(await app.digest()).toBe(relist.digest);
  await expect(app.narration).toContainText('DeltaFIFO.Replace');
  await expect
    .poll(() => ins.factText(reflector, t('inspectors.reflector.phase')))
    .not.toBe(t('inspectors.reflector.phase.backoff-relist'));

  // The event log shows the LIST with resourceVersion = the lastSyncResourceVersion seen during the
  // backoff, without paging (limit=0), and the server's answer to it.
  await ins.open('Event log');
  await ins.filterEventLog({ component: 'Reflector', lane: 'Foo' });
  const expectedList = `LIST resourceVersion="${lastSync}" limit=0`;
  expect(renderNarration(list!, 'en')).toBe(expectedList);
  await expect.poll(() => ins.eventLogMessages()).toContain(expectedList);
  await ins.filterEventLog({ component: 'API server' });
  await expect
    .poll(async () =>
      (await ins.eventLogMessages()).some((m) => m.startsWith(`LIST Foo rv="${lastSync}" → 200`)),
    )
    .toBe(true);
});
