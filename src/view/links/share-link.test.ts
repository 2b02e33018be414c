/**
 * The links "Copy link" shows and the page "Open in Informer Lab" opens (share-link.ts, loaded on
 * demand): each opens what is on screen; the embed links open embed mode at the step, or from the start;
 * the snippets hold exactly those links; and a link that cannot be made says why.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioSource } from '../../engine/model/session';
import { type BootContext, planBoot, readBootUrl, type ShareInputs } from './link-state';
import { fullPageUrl, makeLinks } from './share-link';
import { type ShareFields, shareInputs } from './test-share-inputs';

const FALLBACK: ScenarioSource = { kind: 'library', name: 'default' };
const CTX: BootContext = {
  lessonIds: ['cold-start'],
  libraryNames: ['default', 'heavy'],
  fallback: FALLBACK,
};
const PAGE = 'https://example.test/lab/?lesson=cold-start#old';
const BASE: ShareFields = {
  source: { kind: 'library', name: 'default' },

  step: 30,
  lang: 'en',
  interventions: [],
  digest: null,
};
const mk = (over: Partial<ShareFields> = {}): ShareInputs => shareInputs(BASE, over);
const INPUTS = mk();

function planOf(url: string) {
  const u = new URL(url);
  return planBoot(readBootUrl(u.search, u.hash), CTX);
}

describe('makeLinks', () => {
  it('makes the page link and the embed links (at the step, and from the start) with their snippets', () => {
    const m = makeLinks(INPUTS, PAGE);
    if ('error' in m) throw new Error(m.error);
    expect(m.url.startsWith('https://example.test/lab/#v1.')).toBe(true);
    expect(m.chars).toBe(m.url.length - 'https://example.test/lab/#'.length);
    expect(planOf(m.url)).toMatchObject({
      session: { source: FALLBACK, step: 30 },
      embed: false,
      startStep: null,
    });
    expect(planOf(m.embedUrl)).toMatchObject({ session: { step: 30 }, embed: true, startStep: null });
    expect(m.embedFromStart).not.toBeNull();
    expect(planOf(m.embedFromStart!)).toMatchObject({ session: { step: 30 }, embed: true, startStep: 0 });
    expect(m.snippet).toContain(`src="${m.embedUrl}"`);
    expect(m.snippetFromStart).toContain(`src="${m.embedFromStart}"`);
  });

  it('offers no "from the start" link at step 0', () => {
    const m = makeLinks(mk({ step: 0 }), PAGE);
    if ('error' in m) throw new Error(m.error);
    expect(m.embedFromStart).toBeNull();
    expect(m.snippetFromStart).toBeNull();
  });

  it('says why when nothing is loaded yet, or the scenario on screen does not parse', () => {
    expect(makeLinks(null, PAGE)).toMatchObject({ tooLarge: false });
    const bad = makeLinks(mk({ source: { kind: 'text', text: 'kind: [' } }), PAGE);
    expect('error' in bad && !bad.tooLarge).toBe(true);
  });
});

describe('fullPageUrl', () => {
  it('opens what is on screen, or the page itself when no link can be made', () => {
    const url = fullPageUrl(INPUTS, PAGE);
    expect(planOf(url)).toMatchObject({ session: { source: FALLBACK, step: 30 }, embed: false });
    expect(fullPageUrl(null, PAGE)).toBe('https://example.test/lab/');
  });
});
