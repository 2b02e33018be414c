// Issue 4 journeys: a lesson opened by URL and played to its goal; its link opened in a fresh page shows
// the same frame (digest); broken links show a message and offer the first lesson; a link from another
// engine says so; the language switch (and a link that carries the language); embed mode; the sandbox.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ENGINE_BEHAVIOUR_VERSION } from '../src/engine/version';
import { encodeLink } from '../src/scenarios/url-codec';
import { LabPage } from './pages/lab-page';

test.use({ locale: 'en-US' });

test.describe('shareable links', () => {
  test('a lesson opened by URL plays to its goal; its link opens the same frame in a fresh page', async ({
    page,
    context,
  }) => {
    const lab = new LabPage(page);
    await lab.open('./?lesson=gone-410');
    await expect(lab.lessonTitle).toHaveText(
      'Lesson 3: 410 Gone: the Foo watch cache moves on, the Reflector relists',
    );
    await expect(lab.lessonGoal).toHaveAttribute('data-met', 'false');
    const asked = await lab.playToGoal();
    expect(asked).toBeGreaterThan(0);
    // Stop where we are and share.
    if (await lab.pauseButton.isVisible()) await lab.pauseButton.click();
    await expect(lab.playButton).toBeVisible();
    const step = await lab.step();
    const digest = await lab.digest();
    const url = await lab.copyLink();
    expect(url.length - url.indexOf('#') - 1, 'a lesson link stays under 2,000 characters').toBeLessThan(
      2000,
    );

    const fresh = new LabPage(await context.newPage());
    await fresh.open(url);
    await fresh.waitForStep(step);
    expect(await fresh.digest()).toBe(digest);
    await expect(fresh.lessonTitle).toContainText('Lesson 3');
    await expect(fresh.lessonGoal).toHaveAttribute('data-met', 'true');
    await expect(fresh.notice('link')).toHaveCount(0);
    await expect(fresh.notice('link-replay')).toHaveCount(0);
    expect(fresh.errors).toEqual([]);
    expect(lab.errors).toEqual([]);
  });

  test('a link replays the interventions made so far', async ({ page, context }) => {
    // Thirty single steps, interventions and a second page: about 19 s on an idle 2-core machine.
    test.setTimeout(60_000);
    const lab = new LabPage(page);
    await lab.goto();
    await lab.stepForwardBy(30);
    await lab.sandboxMode.check();
    await page.getByRole('button', { name: 'Drop the watches' }).click();
    await expect(page.locator('.sb-status')).toContainText('Step 30');
    await lab.stepForwardBy(25);
    const digest = await lab.digest();
    const url = await lab.copyLink();

    const fresh = new LabPage(await context.newPage());
    await fresh.open(url);
    await fresh.waitForStep(55);
    expect(await fresh.digest()).toBe(digest);
    await expect(fresh.notice('link-replay')).toHaveCount(0);
    // The intervention is on the timeline as a mark, at step 30.
    await fresh.stepBackButton.click();
    await fresh.waitForStep(54);
  });

  test('broken links show what is wrong, show nothing as HTML and offer the first lesson', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.goto();
    const good = (await lab.copyLink()).split('#')[1]!;
    const cases: [string, RegExp][] = [
      [good.slice(0, good.length - 9), /incomplete/],
      [`${good.slice(0, 12)}${good[12] === 'Q' ? 'R' : 'Q'}${good.slice(13)}`, /./],
      ['v3.AAAAAAAA', /newer version/],
      ['v1.<img src=x onerror="document.title=1">', /not an Informer Lab link/],
      ['hello', /not an Informer Lab link/],
    ];
    for (const [i, [fragment, message]] of cases.entries()) {
      // The first one loads the page; the others change only the fragment of the open page.
      await page.goto(`./#${fragment}`);
      if (i === 0) await page.reload();
      const notice = lab.notice('link');
      await expect(notice, fragment).toBeVisible();
      await expect(notice).toHaveAttribute('role', 'alert');
      await expect(notice).toContainText('Cannot open this link.');
      await expect(notice).toContainText(message);
      await expect(lab.workspace).toHaveAttribute('data-step', '0');
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      await expect(page).toHaveTitle('Informer Lab');
    }
    await lab.notice('link').getByRole('button', { name: 'Open the first lesson' }).click();
    await expect(lab.lessonTitle).toContainText('Lesson 1:');
    await expect(lab.notice('link')).toHaveCount(0);
    expect(page.url()).not.toContain('#');

    // Plain flags that name nothing known say so too.
    await page.goto('./?lesson=no-such-lesson');
    await expect(lab.notice('link')).toContainText('There is no lesson called “no-such-lesson”');
    expect(lab.errors).toEqual([]);
  });

  test('a link made by another engine version, or to a frame that differs, says so', async ({ page }) => {
    const lab = new LabPage(page);
    const state = {
      source: { kind: 'library', name: 'default' },
      step: 20,
      interventions: [],
      engine: ENGINE_BEHAVIOUR_VERSION,
      digest: '00000000',
    } as const;
    await lab.open(`./#${encodeLink(state)}`);
    await lab.waitForStep(20);
    await expect(lab.notice('link-replay')).toContainText('differs from what this link’s author saw');

    await lab.open(`./#${encodeLink({ ...state, engine: '0' })}`);
    await lab.waitForStep(20);
    await expect(lab.notice('link-replay')).toContainText(
      'This link was made by another engine version (0; this page runs',
    );
    await expect(lab.notice('link-replay')).toContainText('what you see may differ from what its author saw');
  });
});

test.describe('languages', () => {
  test('the switch changes the lesson and the page; a link carries the language', async ({
    page,
    context,
  }) => {
    const lab = new LabPage(page);
    await lab.open('./?lesson=cold-start');
    await expect(lab.lessonTitle).toHaveText(/^Lesson 1: Cold start/);
    await lab.language.selectOption('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('lesson-panel').getByRole('heading', { level: 2 })).toHaveText(
      /^第 1 课：冷启动/,
    );
    await page.getByRole('button', { name: '复制链接' }).click();
    const url = await lab.shareUrl.inputValue();

    const fresh = await context.newPage();
    await fresh.goto(url);
    await expect(fresh.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(fresh.getByTestId('lesson-panel').getByRole('heading', { level: 2 })).toHaveText(/^第 1 课/);
    // An explicit lang in the URL wins over the link's.
    await fresh.goto(`${url.replace('#', '?lang=en#')}`);
    await expect(fresh.locator('html')).toHaveAttribute('lang', 'en');
    await expect(fresh.getByTestId('lesson-panel').getByRole('heading', { level: 2 })).toHaveText(
      /^Lesson 1/,
    );
  });
});

test.describe('embed mode', () => {
  test('shows only the controls, the figure and the narration, at the given step', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open('./?lesson=gone-410&embed=1&step=60');
    await expect(lab.embedRoot).toBeVisible();
    await lab.waitForStep(60);
    await expect(lab.title).toHaveCount(0);
    await expect(lab.copyLinkButton).toHaveCount(0);
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(lab.figure).toBeVisible();
    await expect(lab.narration).toBeVisible();
    await expect(lab.playButton).toBeVisible();
    await expect(lab.lessonNarration).toBeVisible();
    await lab.stepForwardButton.click();
    await lab.waitForStep(61);
  });

  test('the embed code from the share panel works inside an iframe, starting where asked', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.stepForwardBy(12);
    await lab.copyLinkButton.click();
    await lab.embedFromStart.check();
    const snippet = await lab.embedSnippet.inputValue();
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/[^"]+#v1\.[\w-]+" width="100%" height="720" style="border:0" title="Informer Lab"><\/iframe>$/,
    );
    const src = /src="([^"]+)"/.exec(snippet)![1]!;
    await page.goto('./');
    await page.setContent(`<!doctype html><body style="margin:0">${snippet}</body>`);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('.workspace[data-embed="true"]')).toHaveAttribute('data-step', '0');
    await expect(frame.getByTestId('figure')).toBeVisible();
    expect(src).toContain('#v1.');
  });
});

test.describe('sandbox', () => {
  test('validates YAML as you type with line numbers, applies it, and refuses a bad file', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.sandboxMode.check();
    await expect(lab.sandboxStatus).toHaveText('No problems: ready to apply.');
    const text = await lab.yamlEditor.inputValue();
    await lab.yamlEditor.fill(text.replace(/name: default\b/, 'name: Not_Valid'));
    await expect(lab.sandboxProblems).toContainText(/Line \d+: metadata\.name: "Not_Valid" is not a valid/);
    await lab.yamlEditor.fill(text.replace(/name: default\b/, 'name: mine').replace(/seed: \d+/, 'seed: 9'));
    await page.getByLabel('Workers', { exact: true }).fill('1');
    await expect(lab.sandboxStatus).toHaveText('No problems: ready to apply.');
    await lab.sandbox.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.locator('.app-scenario')).toContainText('seed 9');
    await expect(lab.workspace).toHaveAttribute('data-step', '0');

    const digest = await lab.digest();
    await lab.sandboxImport.setInputFiles({
      name: 'bad.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from('apiVersion: informer-lab/v1\nkind: Scenario\nmetadata: { name: x }\nseed: -4\n'),
    });
    await expect(lab.sandbox.getByRole('alert')).toContainText(
      'bad.yaml is not a valid scenario; nothing was changed.',
    );
    await expect(lab.sandbox.getByRole('alert')).toContainText('Line 4: seed:');
    expect(await lab.digest()).toBe(digest);
    await expect(page.locator('.app-scenario')).toContainText('seed 9');
  });

  test('a lesson changed only in its settings stays that lesson, and its link names it with the changes', async ({
    page,
    context,
  }) => {
    const lab = new LabPage(page);
    await lab.open('./?lesson=backoff');
    await lab.sandboxMode.check();
    await expect(lab.sandboxStatus).toHaveText('No problems: ready to apply.');
    await page.getByRole('checkbox', { name: /noForget/ }).check();
    await expect(lab.sandboxStatus).toHaveText('No problems: ready to apply.');
    await lab.sandbox.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(lab.sandbox.getByRole('status').first()).toBeVisible();
    await lab.lessonMode.check();
    await expect(lab.lessonTitle).toContainText('Lesson 8:');
    await lab.stepForwardBy(40);
    const digest = await lab.digest();
    const url = await lab.copyLink();
    expect(url.length - url.indexOf('#') - 1).toBeLessThan(2000);
    const fresh = new LabPage(await context.newPage());
    await fresh.open(url);
    await fresh.waitForStep(40);
    expect(await fresh.digest()).toBe(digest);
    await expect(fresh.lessonTitle).toContainText('Lesson 8:');
  });

  test('a lesson file with problems lists them by line; a good one opens as a lesson, also by link', async ({
    page,
    context,
  }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.lessonFile.setInputFiles({
      name: 'mine.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from('apiVersion: informer-lab/v1\nkind: Lesson\nmetadata:\n  id: Bad Id\n'),
    });
    await expect(lab.lessonFileErrors).toContainText('mine.yaml is not a valid lesson');
    await expect(lab.lessonFileErrors).toContainText('line 4');
    await expect(lab.workspace).toHaveAttribute('data-step', '0');

    // The complete example of docs/LESSONS.md, from a file; its link carries the whole lesson.
    const doc = readFileSync(new URL('../docs/LESSONS.md', import.meta.url), 'utf8');
    const example = /```yaml\n(apiVersion: [\s\S]*?)```/.exec(doc)![1]!;
    await lab.lessonFile.setInputFiles({
      name: 'own.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(example),
    });
    await expect(lab.lessonFileErrors).toHaveCount(0);
    await expect(lab.lessonTitle).toHaveText('Lesson 13: A watch error means a relist');
    await lab.stepForwardBy(20);
    const digest = await lab.digest();
    const url = await lab.copyLink();
    expect(url).toContain('~L1.');
    const fresh = new LabPage(await context.newPage());
    await fresh.open(url);
    await fresh.waitForStep(20);
    expect(await fresh.digest()).toBe(digest);
    await expect(fresh.lessonTitle).toHaveText('Lesson 13: A watch error means a relist');
  });
});
