// Page object for the "Interventions" disclosure (src/view/controls/interventions-panel.tsx).
import { expect, type Locator, type Page } from '@playwright/test';

export class Interventions {
  readonly page: Page;
  readonly disclosure: Locator;
  readonly summary: Locator;
  readonly kind: Locator;
  readonly applyButton: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    this.disclosure = page.locator('details', { has: page.locator('summary', { hasText: 'Interventions' }) });
    this.summary = this.disclosure.locator('summary');
    this.kind = this.disclosure.getByLabel('Intervention', { exact: true });
    this.applyButton = this.disclosure.getByRole('button', { name: 'Apply', exact: true });
    this.status = this.disclosure.getByRole('status');
  }

  async open(): Promise<void> {
    if ((await this.disclosure.getAttribute('open')) === null) await this.summary.click();
    await expect(this.kind).toBeVisible();
  }

  /** A field of the chosen intervention by its label ("Code", "Watch", "Name", ...). */
  field(label: string): Locator {
    return this.disclosure.getByLabel(label, { exact: true });
  }

  /** "Inject an ERROR event into the watch" with the given code, on one informer's watch or all. */
  async breakWatch(code: '410' | '500', lane: 'all' | 'Foo' | 'Deployment'): Promise<void> {
    await this.open();
    await this.kind.selectOption({ label: 'Inject an ERROR event into the watch' });
    await this.field('Code').selectOption(code);
    await this.field('Watch').selectOption(lane);
    await this.applyButton.click();
  }
}
