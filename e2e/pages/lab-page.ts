// Page object for the issue-4 parts of the page: shareable links (the "Copy link" panel and the notices),
// the lesson player, the sandbox and embed mode. It extends AppPage (shell, transport, figure, narration).
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export class LabPage extends AppPage {
  readonly copyLinkButton: Locator;
  readonly shareUrl: Locator;
  readonly shareStatus: Locator;
  readonly embedSnippet: Locator;
  readonly embedFromStart: Locator;
  readonly lessonPanel: Locator;
  readonly lessonPicker: Locator;
  readonly lessonTitle: Locator;
  readonly lessonNarration: Locator;
  readonly lessonQuestion: Locator;
  readonly lessonGoal: Locator;
  readonly lessonFile: Locator;
  readonly lessonFileErrors: Locator;
  readonly language: Locator;
  readonly sandboxMode: Locator;
  readonly lessonMode: Locator;
  readonly sandbox: Locator;
  readonly yamlEditor: Locator;
  readonly sandboxStatus: Locator;
  readonly sandboxProblems: Locator;
  readonly sandboxImport: Locator;
  readonly embedRoot: Locator;

  constructor(page: Page) {
    super(page);
    this.copyLinkButton = page.getByRole('button', { name: 'Copy link', exact: true });
    this.shareUrl = page.getByTestId('share-url');
    this.shareStatus = page.getByTestId('copy-link-status');
    this.embedSnippet = page.getByTestId('embed-snippet');
    this.embedFromStart = page.getByLabel('Start the embedded player at the beginning (step 0)');
    this.lessonPanel = page.getByTestId('lesson-panel');
    this.lessonPicker = page.getByLabel('Lesson', { exact: true });
    this.lessonTitle = this.lessonPanel.getByRole('heading', { level: 2 });
    this.lessonNarration = page.getByTestId('lesson-narration');
    this.lessonQuestion = page.getByTestId('lesson-question');
    this.lessonGoal = page.getByTestId('lesson-goal');
    this.lessonFile = page.getByTestId('lesson-file');
    this.lessonFileErrors = page.getByTestId('lesson-file-errors');
    this.language = page.locator('.app-language select');
    this.sandboxMode = page.getByTestId('mode-switch').locator('input[value="sandbox"]');
    this.lessonMode = page.getByTestId('mode-switch').locator('input[value="lesson"]');
    this.sandbox = page.getByTestId('sandbox');
    this.yamlEditor = this.sandbox.locator('textarea.sb-text');
    this.sandboxStatus = page.getByTestId('sandbox-status');
    this.sandboxProblems = page.getByTestId('sandbox-problems');
    this.sandboxImport = page.getByTestId('sandbox-import');
    this.embedRoot = page.locator('.workspace[data-embed="true"]');
  }

  /** Opens a URL (relative to baseURL) and waits until a frame is on screen (any step). */
  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.workspace).toHaveAttribute('data-step', /^\d+$/);
    await this.figure.waitFor();
  }

  /** A notice above the workspace by id: 'link' (cannot open), 'link-replay' (differs), 'link-warning'. */
  notice(id: 'link' | 'link-replay' | 'link-warning'): Locator {
    return this.page.getByTestId(`notice-${id}`);
  }

  /** Presses "Copy link" and returns the URL shown in the panel (also copied when the clipboard allows). */
  async copyLink(): Promise<string> {
    await this.copyLinkButton.click();
    await expect(this.shareUrl).toBeVisible();
    const url = await this.shareUrl.inputValue();
    expect(url).toMatch(/#v1\./);
    return url;
  }

  async closeSharePanel(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.shareUrl).toHaveCount(0);
  }

  async goalMet(): Promise<boolean> {
    return (await this.lessonGoal.getAttribute('data-met')) === 'true';
  }

  /** Plays the lesson on screen at 100 steps/s until it stops in front of its first unanswered question. */
  async playToQuestion(): Promise<void> {
    await this.speed.selectOption('100');
    await this.playButton.click();
    await expect(this.lessonQuestion.locator('.ls-choice').first()).toBeVisible({ timeout: 20_000 });
    await expect(this.playButton).toBeVisible();
  }

  /**
   * Plays the lesson until its goal is reached: fast playback, and at each question the first choice,
   * then "Continue". Returns the questions asked.
   */
  async playToGoal(maxRounds = 30): Promise<number> {
    await this.speed.selectOption('100');
    const choices = this.lessonQuestion.locator('.ls-choice');
    const asking = async (): Promise<boolean> => (await choices.count()) > 0;
    let asked = 0;
    for (let round = 0; round < maxRounds; round++) {
      if (await this.goalMet()) return asked;
      if (await asking()) {
        asked++;
        await choices.first().click();
        const next = this.lessonQuestion.getByRole('button', { name: 'Continue' });
        await expect(next).toBeVisible();
        await next.click();
      } else {
        await expect(this.playButton).toBeVisible();
        await this.playButton.click();
      }
      // It plays (or stops at once in front of the next question), then stops at a question or goes on.
      await expect
        .poll(async () => (await this.pauseButton.isVisible()) || (await asking()) || (await this.goalMet()))
        .toBe(true);
      await expect
        .poll(async () => (await this.goalMet()) || (await asking()) || (await this.playButton.isVisible()), {
          timeout: 15_000,
        })
        .toBe(true);
    }
    expect(await this.goalMet(), 'the lesson reached its goal').toBe(true);
    return asked;
  }
}
