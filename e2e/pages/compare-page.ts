// Page object for the compare view (issue 13): the two sides (each `[data-compare-side]` carrying the
// step and digest of its frame on screen), the one transport, the differences, "Share comparison" and
// the per-side crash panel. Names are the English ones (specs run with locale en-US unless they say).
import { type ConsoleMessage, expect, type Locator, type Page } from '@playwright/test';
import type { Side } from '../../src/compare/types';

export class ComparePage {
  readonly page: Page;
  readonly root: Locator;
  readonly transport: Locator;
  readonly playButton: Locator;
  readonly pauseButton: Locator;
  readonly stepBackButton: Locator;
  readonly stepForwardButton: Locator;
  readonly nextDifference: Locator;
  readonly previousDifference: Locator;
  readonly speed: Locator;
  readonly timeline: Locator;
  readonly alignTime: Locator;
  readonly alignStep: Locator;
  readonly difference: Locator;
  readonly summary: Locator;
  readonly status: Locator;
  readonly differs: Locator;
  readonly intro: Locator;
  readonly shareButton: Locator;
  readonly shareUrl: Locator;
  readonly embedSnippet: Locator;
  readonly bothLog: Locator;
  /** Console errors and uncaught page errors seen since construction. */
  readonly errors: string[] = [];

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('compare-workspace');
    this.transport = page.getByTestId('compare-transport');
    this.playButton = this.transport.getByRole('button', { name: 'Play', exact: true });
    this.pauseButton = this.transport.getByRole('button', { name: 'Pause', exact: true });
    this.stepBackButton = this.transport.getByRole('button', { name: 'Step back', exact: true });
    this.stepForwardButton = this.transport.getByRole('button', { name: 'Step forward', exact: true });
    this.nextDifference = this.transport.getByRole('button', { name: 'Next difference' });
    this.previousDifference = this.transport.getByRole('button', { name: 'Previous difference' });
    this.speed = this.transport.getByLabel('Speed', { exact: true });
    this.timeline = this.transport.getByRole('slider', { name: 'Timeline', exact: true });
    this.alignTime = this.transport.getByRole('radio', { name: 'Virtual time' });
    this.alignStep = this.transport.getByRole('radio', { name: 'Step', exact: true });
    this.difference = page.getByTestId('compare-difference');
    this.summary = page.getByTestId('compare-summary');
    this.status = page.getByTestId('compare-status');
    this.differs = page.getByTestId('compare-differs');
    this.intro = page.getByTestId('compare-intro');
    this.shareButton = page.getByRole('button', { name: 'Share comparison', exact: true });
    this.shareUrl = page.getByTestId('compare-share-url');
    this.embedSnippet = page.getByTestId('compare-embed-snippet');
    this.bothLog = page.getByTestId('event-log-both');
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') this.errors.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err: Error) => this.errors.push(`pageerror: ${err.message}`));
  }

  side(side: Side): Locator {
    return this.page.locator(`[data-compare-side="${side}"]`);
  }

  figure(side: Side): Locator {
    return this.side(side).getByTestId('figure');
  }

  /** Opens a URL and waits until both sides show a frame. */
  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await this.waitForBoth();
  }

  async waitForBoth(): Promise<void> {
    for (const s of ['left', 'right'] as const)
      await expect(this.side(s)).toHaveAttribute('data-step', /^\d+$/);
  }

  async step(side: Side): Promise<number> {
    return Number(await this.side(side).getAttribute('data-step'));
  }

  async digest(side: Side): Promise<string> {
    const d = await this.side(side).getAttribute('data-digest');
    expect(d, `the ${side} side carries data-digest`).toBeTruthy();
    return d ?? '';
  }

  async waitForSteps(left: number, right: number): Promise<void> {
    await expect(this.side('left')).toHaveAttribute('data-step', String(left));
    await expect(this.side('right')).toHaveAttribute('data-step', String(right));
  }

  /** Opens the share panel and returns the comparison link. */
  async shareLink(): Promise<string> {
    await this.shareButton.click();
    await expect(this.shareUrl).toBeVisible();
    return this.shareUrl.inputValue();
  }
}
