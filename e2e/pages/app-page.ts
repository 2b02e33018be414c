// Page object for the Informer Lab app shell. Specs talk to the page through this class so that
// markup changes touch one file.
import type { ConsoleMessage, Locator, Page } from '@playwright/test';

export class AppPage {
  readonly page: Page;
  readonly title: Locator;
  readonly badge: Locator;
  readonly crashMessage: Locator;
  /** Console errors and uncaught page errors seen since construction. */
  readonly errors: string[] = [];

  constructor(page: Page) {
    this.page = page;
    this.title = page.getByRole('heading', { level: 1, name: 'Informer Lab' });
    this.badge = page.getByTestId('fidelity-badge');
    this.crashMessage = page.getByRole('alert');
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') {
        this.errors.push(`console.error: ${msg.text()}`);
      }
    });
    page.on('pageerror', (err: Error) => {
      this.errors.push(`pageerror: ${err.message}`);
    });
  }

  /** Opens the app (relative to baseURL) and waits until React has rendered the title. */
  async goto(path = './'): Promise<void> {
    await this.page.goto(path);
    await this.title.waitFor();
  }
}
