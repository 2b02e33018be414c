// Issue 11: the modern era (client-go v0.36.3) is deterministic in Node and in the browser. A link to the
// default scenario with `settings.era: modern` opens in the page at a step, and the frame the Worker sent
// there has the digest the same engine computes in Node; so does the classic run of the same story, and
// the two eras' frames differ (the lanes run different pipelines).
import { expect, test } from '@playwright/test';
import type { Scenario } from '../src/engine/model/scenario';
import { ENGINE_BEHAVIOUR_VERSION } from '../src/engine/version';
import { libraryScenario } from '../src/scenarios/library';
import { parseScenario } from '../src/scenarios/parse';
import { encodeLink } from '../src/scenarios/url-codec';
import { LabPage } from './pages/lab-page';
import { NodeEngine } from './support/engine';

test.use({ locale: 'en-US' });

const STEP = 240;

function defaultIn(era: 'classic' | 'modern'): Scenario {
  const r = parseScenario(libraryScenario('default')!.yaml);
  if (!r.ok) throw new Error('default does not parse');
  return { ...r.scenario, settings: { ...r.scenario.settings, era } };
}

for (const era of ['modern', 'classic'] as const) {
  test(`the default story in the ${era} era: the page's frame at step ${STEP} is Node's`, async ({
    page,
  }) => {
    const scenario = defaultIn(era);
    const engine = new NodeEngine({ kind: 'scenario', scenario });
    const f = engine.seek(STEP);
    expect(f.step).toBe(STEP);
    // The modern lanes carry their RealFIFO view; the classic ones do not.
    expect(f.lanes.Foo.modern !== undefined).toBe(era === 'modern');

    const payload = encodeLink({
      source: { kind: 'scenario', scenario },
      step: STEP,
      interventions: [],
      engine: ENGINE_BEHAVIOUR_VERSION,
    });
    const lab = new LabPage(page);
    await lab.open(`./#${payload}`);
    await expect(lab.workspace).toHaveAttribute('data-step', String(STEP));
    expect(await lab.digest()).toBe(f.digest);
    expect(lab.errors).toEqual([]);
  });
}

test('the two eras part: the same story and seed give other frames', () => {
  const modern = new NodeEngine({ kind: 'scenario', scenario: defaultIn('modern') }).seek(STEP);
  const classic = new NodeEngine({ kind: 'scenario', scenario: defaultIn('classic') }).seek(STEP);
  expect(modern.digest).not.toBe(classic.digest);
});
