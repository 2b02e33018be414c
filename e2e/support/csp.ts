// Records Content-Security-Policy violations in the page. The listener is installed with
// page.addInitScript, which Playwright injects through the DevTools protocol before any page script
// runs (so the page's own CSP does not block it and no violation is missed).
import type { Page } from '@playwright/test';

export interface CspViolation {
  readonly directive: string;
  readonly blockedURI: string;
  readonly sourceFile: string;
  readonly sample: string;
}

interface CspWindow {
  __cspViolations?: CspViolation[];
}

export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as CspWindow;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations?.push({
        directive: e.effectiveDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        sample: e.sample,
      });
    });
  });
}

export async function cspViolations(page: Page): Promise<CspViolation[]> {
  return page.evaluate(() => [...((window as unknown as CspWindow).__cspViolations ?? [])]);
}
