/**
 * Issue 4: every lesson round-trips through the shareable-link codec, and the link replays to the same
 * frame (same digest) in a fresh engine host, interventions included.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_BEHAVIOUR_VERSION } from '../../engine/version';
import { createEngineHost } from '../../worker/engine-host';
import type { Response } from '../../worker/protocol';
import { SCENARIO_LIBRARY } from '../library';
import { decodeLink, encodeLink, LESSON_LINK_BUDGET_CHARS, type LinkState } from '../url-codec';
import { LESSONS, lessonById } from '.';

const ids = LESSONS.map((l) => l.id);
const opts = { lessonIds: ids, libraryNames: SCENARIO_LIBRARY.map((s) => s.name) };

function frameOf(r: Response): { digest: string; step: number } {
  if (r.type !== 'frame' && r.type !== 'opened')
    throw new Error(`expected a frame, got ${JSON.stringify(r)}`);
  return { digest: r.frame.digest, step: r.frame.step };
}

function hostAt(id: string, step: number, interventions: LinkState['interventions']) {
  const host = createEngineHost({ lessons: (x) => lessonById(x)?.scenario });
  let n = 1;
  frameOf(
    host.handle({
      id: n++,
      type: 'open',
      session: { source: { kind: 'lesson', id }, interventions: [], step: 0 },
    }),
  );
  for (const iv of interventions) {
    frameOf(host.handle({ id: n++, type: 'seek', step: iv.step }));
    frameOf(host.handle({ id: n++, type: 'intervene', step: iv.step, action: iv.action }));
  }
  return frameOf(host.handle({ id: n++, type: 'seek', step }));
}

describe('every lesson round-trips through a link', () => {
  for (const id of ids) {
    it(`${id}: encode → decode is exact, within the budget, and replays to the same digest`, () => {
      const interventions: LinkState['interventions'] = [
        { step: 20, action: { action: 'failReconciles', count: 1 } },
        { step: 40, action: { action: 'closeWatch', kind: 'Foo' } },
      ];
      const at = hostAt(id, 80, interventions);
      const state: LinkState = {
        source: { kind: 'lesson', id },
        step: at.step,
        lang: 'zh-CN',
        interventions,
        engine: ENGINE_BEHAVIOUR_VERSION,
        digest: at.digest,
      };
      const text = encodeLink(state);
      expect(text.length).toBeLessThan(LESSON_LINK_BUDGET_CHARS);
      const back = decodeLink(text, opts);
      expect(back.ok).toBe(true);
      if (!back.ok) return;
      expect(back.state).toEqual(state);
      // A fresh engine opening the decoded link shows exactly the frame the link points at.
      const again = hostAt(id, back.state.step, back.state.interventions);
      expect(again.digest).toBe(state.digest);
    });
  }
});
