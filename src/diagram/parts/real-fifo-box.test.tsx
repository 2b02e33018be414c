// The modern lane's marks as static markup (no DOM): the RealFIFO's cells say what each entry is, the
// lock says the reflector waits (F7), arrow 1's tag tells the watch-list stream from the fallback LIST
// (R19, R21), and the indexer's RV is drawn (I7). Each state is one the default run rarely shows.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RealFifoEntryView } from '../../engine/model/frame';
import { IndexerRv, RealFifoBox, RealFifoLock, StreamTag } from './real-fifo-box';

const noop = (): void => {};
const text = (html: string): string =>
  html
    .replace(/<title>.*?<\/title>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"');

describe('the RealFIFO box', () => {
  it('draws each entry in stream order: deltas with their type letter, a wide ReplacedAll, SyncAll, Bookmark', () => {
    const entries: RealFifoEntryView[] = [
      { type: 'Added', key: 'default/a', rv: '4', tombstone: false },
      {
        type: 'ReplacedAll',
        key: null,
        rv: '9',
        tombstone: false,
        objects: 2,
        keys: ['default/a', 'default/b'],
      },
      { type: 'Deleted', key: 'default/a', rv: '10', tombstone: false },
    ];
    const html = renderToStaticMarkup(
      <g>
        <RealFifoBox
          lane="Foo"
          entries={entries}
          length={5}
          locked={false}
          selectedKey={null}
          onSelectKey={noop}
        />
      </g>,
    );
    // a (Added), the ReplacedAll over two cells with its keys, then "+3" (the Deleted and two more wait).
    expect(text(html)).toBe('a AReplacedAll ×2a, b+3');
    expect(html).toContain('data-era="modern"');
    const sb = renderToStaticMarkup(
      <g>
        <RealFifoBox
          lane="Foo"
          entries={[
            { type: 'SyncAll', key: null, rv: null, tombstone: false },
            { type: 'Bookmark', key: null, rv: '12', tombstone: false },
          ]}
          length={2}
          locked={false}
          selectedKey={null}
          onSelectKey={noop}
        />
      </g>,
    );
    expect(text(sb)).toBe('SyncAllBookmark12');
  });

  it('F7: shows the lock and the reflector actions held while a batch is processed', () => {
    expect(renderToStaticMarkup(<RealFifoLock lane="Foo" locked={false} held={0} />)).toBe('');
    const html = renderToStaticMarkup(
      <g>
        <RealFifoLock lane="Foo" locked={true} held={2} />
      </g>,
    );
    expect(text(html)).toBe('locked · 2 waiting');
    const box = renderToStaticMarkup(
      <g>
        <RealFifoBox
          lane="Deployment"
          entries={[]}
          length={0}
          locked={true}
          selectedKey={null}
          onSelectKey={noop}
        />
      </g>,
    );
    expect(box).toContain('is-locked');
  });

  it('R19/R21: tags arrow 1 with the watch-list stream, or with the fallback LIST, and nothing while watching', () => {
    const tag = (phase: string, streamed: number | null) =>
      text(renderToStaticMarkup(<StreamTag lane="Foo" phase={phase} streamed={streamed} />));
    expect(tag('watch-listing', 3)).toBe('watch-list stream · 3');
    expect(tag('listing', null)).toBe('LIST (fallback)');
    expect(tag('watching', null)).toBe('');
  });

  it('I7: draws the indexer’s resourceVersion', () => {
    expect(text(renderToStaticMarkup(<IndexerRv lane="Deployment" rv="17" />))).toBe('RV 17');
    expect(text(renderToStaticMarkup(<IndexerRv lane="Foo" rv="" />))).toBe('RV ""');
  });
});
