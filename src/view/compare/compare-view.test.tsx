// The compare view's parts read the compare store and each side's store themselves: rendered (static
// markup, no DOM) over fixed state, the transport names its controls as the main page does, offers the
// compare speeds, words the current difference with the generated summary and the search status, and
// is disabled before a comparison is open; a side whose engine failed shows its failure and "Restart
// this side" while the other side still draws its figure; the side containers carry their steps.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { t } from '../../i18n';
import { summaryText } from '../../i18n/compare-summary';
import { COMPARE_SPEEDS, type CompareState, type CompareStore } from '../../store/compare/types';
import type { SimState } from '../../store/types';
import { CompareStoreProvider } from './compare-context';
import { CompareTransport } from './compare-transport';
import { CompareWorkspace } from './compare-workspace';
import { compareStore, difference, FIXTURE_FRAMES } from './test-compare-fixture';

const [, F12, F40] = FIXTURE_FRAMES;
const SETUP = {
  left: { source: { kind: 'library', name: 'default' }, interventions: [], step: 0 },
  right: { source: { kind: 'library', name: 'default' }, seed: 7, interventions: [], step: 0 },
  align: 'time',
} as const;

/** The opening tag of the element with this attribute (attributes come in any order). */
function tagWith(html: string, attr: string): string {
  const escaped = attr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return html.match(new RegExp(`<[a-z]+ [^>]*${escaped}[^>]*>`))?.[0] ?? '';
}

function render(node: React.ReactNode, store: CompareStore): string {
  return renderToStaticMarkup(<CompareStoreProvider store={store}>{node}</CompareStoreProvider>);
}

const side = (frame: typeof F12, extra: Partial<SimState> = {}): Partial<SimState> => ({
  frame: frame!,
  known: 60,
  ...extra,
});

describe('the shared transport', () => {
  it('names its controls as the main page does and offers the compare speeds', () => {
    const html = render(<CompareTransport />, compareStore({ setup: SETUP }, side(F12), side(F40)));
    expect(html).toContain('aria-label="Play"');
    expect(html).toContain(`aria-label="${t('controls.stepForward')}"`);
    expect(html).toContain(`aria-label="${t('compare.timeline')}"`);
    const values = [...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(values).toEqual(COMPARE_SPEEDS.map(String));
    expect(tagWith(html, 'aria-label="Play"')).not.toContain('disabled');
  });

  it('says the difference on screen with its summary, and the frontier', () => {
    const d = difference(12, 40, 1250);
    const fields: Partial<CompareState> = {
      setup: SETUP,
      search: {
        status: 'frontier',
        differences: [d],
        searchedTo: { left: 20_000, right: 20_000 },
        current: 0,
        message: null,
      },
    };
    const html = render(<CompareTransport />, compareStore(fields, side(F12), side(F40)));
    expect(html).toContain(summaryText(d.summary).replace(/&/g, '&amp;'));
    expect(html).toContain('data-left-step="12"');
    expect(html).toContain('data-right-step="40"');
    expect(html).toContain('20,000');
    // One mark on the scrubber for the one difference.
    expect(html.match(/class="cmp-mark/g)).toHaveLength(1);
  });

  it('at the frontier "Next difference" may search further; once both runs ended it stops at the last', () => {
    const d = difference(12, 40, 1250);
    const at = (status: 'frontier' | 'complete') =>
      render(
        <CompareTransport />,
        compareStore(
          {
            setup: SETUP,
            search: {
              status,
              differences: [d],
              searchedTo: { left: 9, right: 9 },
              current: 0,
              message: null,
            },
          },
          side(F12),
          side(F40),
        ),
      );
    const next = (html: string) => tagWith(html, `title="${t('compare.next.hint')}"`);
    expect(next(at('frontier'))).not.toContain('disabled');
    expect(next(at('complete'))).toContain('disabled');
    // The first difference is on screen: nothing before it.
    expect(tagWith(at('frontier'), `title="${t('compare.previous.hint')}"`)).toContain('disabled');
  });

  it('is disabled before a comparison is open', () => {
    const html = render(<CompareTransport />, compareStore({}, {}, {}));
    expect(tagWith(html, 'aria-label="Play"')).toContain('disabled');
    expect(tagWith(html, 'type="range"')).toContain('disabled');
  });
});

describe('the two sides', () => {
  it('each carries its side and step; a failed side offers a restart while the other draws its figure', () => {
    const store = compareStore(
      { setup: SETUP, failed: ['right'] },
      side(F12),
      side(F40, { fatal: 'e2e: injected worker crash' }),
    );
    const html = render(<CompareWorkspace comparison={null} />, store);
    expect(html).toContain('data-compare-side="left" data-step="12"');
    expect(html).toContain('data-compare-side="right" data-step="40"');
    const [leftHtml, rightHtml] = html.split('data-compare-side="right"');
    expect(rightHtml).toContain(t('compare.side.restart'));
    expect(rightHtml).toContain('e2e: injected worker crash');
    expect(leftHtml).not.toContain(t('compare.side.restart'));
    expect(leftHtml).toContain('data-testid="figure"');
    expect(html).toContain(t('compare.differs.seed', { left: '—', right: '7' }));
  });

  it('embed mode shows both figures and the transport, without the header or the inspectors', () => {
    const html = render(
      <CompareWorkspace comparison={null} compact />,
      compareStore({ setup: SETUP }, side(F12), side(F40)),
    );
    expect(html.match(/data-testid="figure"/g)).toHaveLength(2);
    expect(html).toContain('data-testid="compare-transport"');
    expect(html).not.toContain('cmp-details');
    expect(html).not.toContain(t('compare.share'));
  });
});
