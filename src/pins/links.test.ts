/**
 * Link fixtures (issue 7): links made by the build before the redesign. Each opens, through the page's
 * own boot path (URL → plan → store on an in-process engine), to the step it names; the replay verdict
 * says whether the frame matches the digest the link carries, or that the engine changed since.
 */
import { describe, expect, it } from 'vitest';
import { createInProcessClient } from '../bridge/in-process-client';
import { LESSONS, lessonById } from '../scenarios/lessons';
import { SCENARIO_LIBRARY } from '../scenarios/library';
import { createSimStore } from '../store';
import { createManualClock } from '../store/clock';
import { runBoot } from '../view/links/boot';
import { type BootContext, planBoot, readBootUrl, replayVerdict } from '../view/links/link-state';
import { createEngineHost } from '../worker/engine-host';
import FIXTURES from './link-fixtures.json';

const CTX: BootContext = {
  lessonIds: LESSONS.map((l) => l.id),
  libraryNames: SCENARIO_LIBRARY.map((s) => s.name),
  fallback: { kind: 'library', name: 'default' },
};

/**
 * What the link fixtures must give with today's engine: 'same' until the engine's behaviour changed;
 * 'other-engine' since ENGINE_BEHAVIOUR_VERSION 2 (record params became structured data), so the links
 * open at their step with the notice that the engine changed.
 */
const EXPECTED_VERDICT = 'other-engine' as ReturnType<typeof replayVerdict>;

describe('links made before the redesign', () => {
  for (const f of FIXTURES) {
    it(`${f.name}: opens at step ${f.step}`, async () => {
      const plan = planBoot(readBootUrl('', `#${f.payload}`), CTX);
      expect(plan.failure).toBeNull();
      const store = createSimStore(
        createInProcessClient(() => createEngineHost({ lessons: (id) => lessonById(id)?.scenario })),
        { clock: createManualClock() },
      );
      await runBoot(store, plan, CTX.fallback, null);
      const s = store.getState();
      expect(s.error).toBeNull();
      expect(s.frame?.step).toBe(plan.startStep ?? f.step);
      // What the page says about the replay: nothing when it matches, else why it may differ.
      const replay = s.notices.find((n) => n.key.startsWith('links.replay.'));
      expect(replay?.key ?? null).toBe(
        EXPECTED_VERDICT === 'other-engine' ? 'links.replay.otherEngine' : null,
      );
      // The verdict is judged at the link's own step, before an embed start moves the cursor.
      await s.seek(f.step);
      const frame = store.getState().frame!;
      expect(frame.step).toBe(f.step);
      expect(replayVerdict(plan.expect, { step: frame.step, digest: frame.digest }, f.step)).toBe(
        EXPECTED_VERDICT,
      );
      if (EXPECTED_VERDICT === 'same') expect(frame.digest).toBe(f.digest);
      s.dispose();
    });
  }
});
