// Page object for the inspector tabs (src/view/shell/inspector-tabs.tsx and src/view/inspectors/*):
// open a tab, pick the informer lane, read labelled facts and table rows.
import { expect, type Locator, type Page } from '@playwright/test';

export type TabName =
  | 'API server'
  | 'Reflector'
  | 'DeltaFIFO'
  | 'RealFIFO'
  | 'Indexer'
  | 'Handlers'
  | 'Workqueue'
  | 'Workers'
  | 'Event log';

export type Lane = 'Foo' | 'Deployment';

/** One row of an object table: its key and resourceVersion cells. */
export interface KeyRv {
  readonly key: string;
  readonly rv: string;
}

function exactText(s: string): RegExp {
  return new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

export class Inspectors {
  readonly page: Page;
  readonly apiServer: Locator;
  readonly workqueue: Locator;
  readonly workers: Locator;
  readonly eventLog: Locator;
  readonly eventLogRows: Locator;

  constructor(page: Page) {
    this.page = page;
    this.apiServer = page.getByTestId('inspector-apiserver');
    this.workqueue = page.getByTestId('inspector-workqueue');
    this.workers = page.getByTestId('inspector-workers');
    this.eventLog = page.getByTestId('event-log');
    this.eventLogRows = page.getByTestId('event-log-rows');
  }

  tab(name: TabName): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async open(name: TabName): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** Picks the informer lane of the per-lane tabs (Reflector, DeltaFIFO, Indexer, Handlers). */
  async lane(lane: Lane): Promise<void> {
    const radio = this.page.getByRole('radio', { name: `${lane} informer`, exact: true });
    await radio.check();
  }

  reflector(lane: Lane): Locator {
    return this.page.getByTestId(`inspector-reflector-${lane}`);
  }

  fifo(lane: Lane): Locator {
    return this.page.getByTestId(`inspector-fifo-${lane}`);
  }

  indexer(lane: Lane): Locator {
    return this.page.getByTestId(`inspector-indexer-${lane}`);
  }

  handlers(lane: Lane): Locator {
    return this.page.getByTestId(`inspector-handlers-${lane}`);
  }

  /** The value (<dd>) of the labelled fact whose term (<dt>) is exactly `term`, inside `within`. */
  fact(within: Locator, term: string): Locator {
    return within
      .locator('.insp-fact')
      .filter({ has: this.page.locator('dt', { hasText: exactText(term) }) })
      .locator('dd')
      .first();
  }

  /**
   * The text of the fact's value as assistive technology reads it: decorative glyphs (aria-hidden,
   * e.g. a chip's icon or the ✓ of a yes/no mark) left out, whitespace collapsed.
   */
  async factText(within: Locator, term: string): Promise<string> {
    return accessibleText(this.fact(within, term));
  }

  /** Key and RV cells (first two columns) of the rendered rows of the object table named `caption`. */
  async keyRvRows(within: Locator, caption: string): Promise<KeyRv[]> {
    const table = within.getByRole('table', { name: caption, exact: true });
    await table.waitFor();
    return table.locator('tbody tr:not(.insp-spacer)').evaluateAll((rows) =>
      rows.map((tr) => {
        const cells = tr.querySelectorAll('td');
        return { key: cells[0]?.textContent?.trim() ?? '', rv: cells[1]?.textContent?.trim() ?? '' };
      }),
    );
  }

  /** Filters the event log by component (its label, e.g. "Reflector") and informer lane. */
  async filterEventLog(filter: { component?: string; lane?: Lane }): Promise<void> {
    if (filter.component !== undefined)
      await this.eventLog
        .getByRole('combobox', { name: 'Component', exact: true })
        .selectOption({ label: filter.component });
    if (filter.lane !== undefined)
      await this.eventLog.getByRole('combobox', { name: 'Informer', exact: true }).selectOption(filter.lane);
  }

  /** The "What happened" texts of the event log's rendered rows (the list is windowed). */
  async eventLogMessages(): Promise<string[]> {
    return this.eventLogRows
      .locator('tbody tr:not(.insp-spacer) td:last-child')
      .evaluateAll((cells) => cells.map((c) => c.textContent?.trim() ?? ''));
  }
}

/** The element's text without aria-hidden parts, whitespace collapsed. */
export async function accessibleText(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}
