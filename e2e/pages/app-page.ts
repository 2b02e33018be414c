// Page object for the Informer Lab app. Specs talk to the page through these classes so that markup
// changes touch one file: AppPage (shell, transport, timeline, figure, narration), Inspectors (the
// tabs) and Interventions (the form) in the sibling files.
import { type ConsoleMessage, expect, type Locator, type Page } from '@playwright/test';
import { Inspectors } from './inspectors';
import { Interventions } from './interventions';

export class AppPage {
  readonly page: Page;
  readonly title: Locator;
  readonly badge: Locator;
  readonly crashMessage: Locator;
  /** The workspace root: carries the step and digest of the frame on screen (data-step, data-digest). */
  readonly workspace: Locator;
  readonly playButton: Locator;
  readonly pauseButton: Locator;
  readonly stepBackButton: Locator;
  readonly stepForwardButton: Locator;
  readonly nextApiEventButton: Locator;
  readonly runUntilButton: Locator;
  readonly speed: Locator;
  readonly timeline: Locator;
  readonly figure: Locator;
  readonly narration: Locator;
  readonly helpDialog: Locator;
  readonly inspectors: Inspectors;
  readonly interventions: Interventions;
  /** Console errors and uncaught page errors seen since construction. */
  readonly errors: string[] = [];

  constructor(page: Page) {
    this.page = page;
    this.title = page.getByRole('heading', { level: 1, name: 'Informer Lab' });
    this.badge = page.getByTestId('fidelity-badge');
    this.crashMessage = page.getByRole('alert');
    this.workspace = page.locator('.workspace');
    this.playButton = page.getByRole('button', { name: 'Play', exact: true });
    this.pauseButton = page.getByRole('button', { name: 'Pause', exact: true });
    this.stepBackButton = page.getByRole('button', { name: 'Step back', exact: true });
    this.stepForwardButton = page.getByRole('button', { name: 'Step forward', exact: true });
    this.nextApiEventButton = page.getByRole('button', { name: 'Next API event', exact: true });
    this.runUntilButton = page.getByRole('button', { name: 'Run until', exact: true });
    this.speed = page.getByLabel('Speed', { exact: true });
    this.timeline = page.getByRole('slider', { name: 'Timeline', exact: true });
    this.figure = page.getByTestId('figure');
    this.narration = page.getByTestId('narration');
    this.helpDialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    this.inspectors = new Inspectors(page);
    this.interventions = new Interventions(page);
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') {
        this.errors.push(`console.error: ${msg.text()}`);
      }
    });
    page.on('pageerror', (err: Error) => {
      this.errors.push(`pageerror: ${err.message}`);
    });
  }

  /** Opens the app (relative to baseURL) and waits until the first frame (step 0) is on screen. */
  async goto(path = './'): Promise<void> {
    await this.page.goto(path);
    await this.title.waitFor();
    await expect(this.workspace).toHaveAttribute('data-step', '0');
    await this.figure.waitFor();
  }

  /** The step of the frame on screen. */
  async step(): Promise<number> {
    return Number(await this.workspace.getAttribute('data-step'));
  }

  /** The digest of the whole frame on screen (Frame.digest). */
  async digest(): Promise<string> {
    const d = await this.workspace.getAttribute('data-digest');
    expect(d, 'the workspace root carries data-digest').toBeTruthy();
    return d ?? '';
  }

  async waitForStep(step: number): Promise<void> {
    await expect(this.workspace).toHaveAttribute('data-step', String(step));
  }

  /** The highest step the engine has computed (the timeline slider's maximum in step mode). */
  async known(): Promise<number> {
    return Number(await this.timeline.getAttribute('max'));
  }

  /** Moves focus off any control so that global keyboard shortcuts apply. */
  async blur(): Promise<void> {
    await this.page.evaluate(() => {
      const el = document.activeElement;
      if (el instanceof HTMLElement) el.blur();
    });
  }

  /** Presses a key with the focus on the page body (where the shortcuts listen). */
  async pressShortcut(key: string): Promise<void> {
    await this.blur();
    await this.page.keyboard.press(key);
  }

  /** Steps forward n times with the → shortcut and waits for the frame n steps on. */
  async stepForwardBy(n: number): Promise<void> {
    const target = (await this.step()) + n;
    await this.blur();
    for (let i = 0; i < n; i++) await this.page.keyboard.press('ArrowRight');
    await this.waitForStep(target);
  }

  /** Plays at fast-forward until the engine has computed at least `step` steps, then pauses. */
  async ensureKnown(step: number): Promise<void> {
    if ((await this.known()) >= step) return;
    const speed = await this.speed.inputValue();
    await this.speed.selectOption('max');
    await this.playButton.click();
    await expect.poll(() => this.known(), { timeout: 20_000 }).toBeGreaterThanOrEqual(step);
    await this.pauseButton.click();
    await expect(this.playButton).toBeVisible();
    await this.speed.selectOption(speed);
  }

  /** Seeks with the timeline slider (computing that far first if needed) and waits for the frame. */
  async seekTo(step: number): Promise<void> {
    await this.ensureKnown(step);
    await this.timeline.fill(String(step));
    await this.waitForStep(step);
  }

  /** Chooses an entry of the "Run until" menu by its text (e.g. "the next relist"). */
  async runUntil(item: string): Promise<void> {
    await this.runUntilButton.click();
    await this.page.getByRole('menuitem', { name: item, exact: true }).click();
  }

  /** The text of a figure part by test id (e.g. "api-revision"). */
  figurePart(testId: string): Locator {
    return this.figure.getByTestId(testId);
  }

  /** The status line of the figure's reflector of a lane: phase text and "RV …". */
  reflectorStatus(lane: 'Foo' | 'Deployment'): { phase: Locator; rv: Locator } {
    const g = this.figurePart(`reflector-phase-${lane}`);
    return { phase: g.locator('.fig-phase-text'), rv: g.locator('.fig-phase-rv') };
  }

  /** Lines of the narration panel (one per trace record of the step on screen). */
  narrationLines(): Locator {
    return this.narration.getByRole('listitem');
  }
}
