import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

// The UI strings these journeys read are the English ones (the page follows the browser's language).
test.use({ locale: 'en-US' });

test.describe('app shell', () => {
  test('loads with title and fidelity badge, and no console errors', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();

    await expect(page).toHaveTitle('Informer Lab');
    await expect(app.title).toBeVisible();
    await expect(app.badge).toHaveText('classic · client-go 1.26 · kube-apiserver 1.26');
    await expect(app.crashMessage).toHaveCount(0);
    // Let late errors (failed asset loads, effects) surface before checking.
    await page.waitForLoadState('networkidle');
    expect(app.errors).toEqual([]);
  });

  test('built index.html uses relative asset URLs and no inline scripts', async ({ request }) => {
    // Relative URLs (vite `base: './'`) are what let the built site work from any sub-path.
    const html = await (await request.get('./')).text();
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url, `asset URL ${url}`).toMatch(/^\.\//);
    }
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) {
      expect(attrs, 'every <script> loads a file').toMatch(/\bsrc=/);
    }
  });
});
