// The interleaved mode renders both sides' records in one table by time, each row marked with its side
// (L / R in English), the rows at each side's step on screen marked current.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RecordView } from '../../engine/model/frame';
import { loadLibraryScenario, runToSteps } from '../inspectors/test-fixture';
import { InterleavedLog } from './interleaved-log';

const [frame] = runToSteps(loadLibraryScenario('default'), [30]).frames;

describe('InterleavedLog', () => {
  it('lists both sides by time with their side marked', () => {
    const recs = frame!.records;
    expect(recs.length).toBeGreaterThan(0);
    const r = recs[0]!;
    const at = (time: number, step: number): RecordView => ({ ...r, time, step });
    const html = renderToStaticMarkup(
      <InterleavedLog
        left={[at(100, 1), at(300, 2)]}
        right={[at(200, 1)]}
        currentSteps={{ left: 2, right: null }}
        height={2000}
      />,
    );
    const sides = [...html.matchAll(/class="elog-side is-(left|right)"[^>]*>([^<]+)</g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(sides).toEqual(['left:L', 'right:R', 'left:L']);
    expect(html).toContain('2 left, 1 right');
    expect(html.match(/is-current/g)).toHaveLength(1);
  });
});
