/** The scenario format's REST-client knobs: settings `qps` / `burst` (K2) and `apiErrors.retryAfter` (K5). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../engine/model/defaults';
import { formatScenarioError, type ParseResult, parseScenario, scenarioToYaml } from './parse';
import { settingsDoc } from './write';

function doc(settings: string, script = ''): string {
  return `apiVersion: informer-lab/v1\nkind: Scenario\nmetadata: { name: t }\nsettings:\n${settings}\n${script}`;
}

function errors(r: ParseResult): string[] {
  return r.ok ? [] : r.errors.map(formatScenarioError);
}

describe('settings qps and burst (K2)', () => {
  it('are unset (0) by default and left out of both written forms while unset', () => {
    expect([DEFAULT_SETTINGS.qps, DEFAULT_SETTINGS.burst]).toEqual([0, 0]);
    expect(Object.keys(settingsDoc(DEFAULT_SETTINGS, 'full'))).not.toContain('qps');
    expect(Object.keys(settingsDoc(DEFAULT_SETTINGS, 'full'))).not.toContain('burst');
  });

  it('read a shared limiter, a burst alone, or no limiter, and round-trip', () => {
    for (const [text, qps, burst] of [
      ['  qps: 20\n  burst: 30', 20, 30],
      ['  burst: 25', 0, 25],
      ['  qps: -1', -1, 0],
      ['  qps: 0.5\n  burst: 1', 0.5, 1],
    ] as const) {
      const r = parseScenario(doc(text));
      expect(errors(r)).toEqual([]);
      if (!r.ok) continue;
      expect([r.scenario.settings.qps, r.scenario.settings.burst]).toEqual([qps, burst]);
      expect(parseScenario(scenarioToYaml(r.scenario))).toEqual(r);
    }
  });

  it("refuse qps > 0 without a burst, in client-go's words, and values out of range", () => {
    expect(errors(parseScenario(doc('  qps: 20')))).toEqual([
      'line 4: settings.burst: burst is required to be greater than 0 when RateLimiter is not set and QPS is set to greater than 0',
    ]);
    expect(errors(parseScenario(doc('  qps: fast'))).join()).toContain('settings.qps');
    expect(errors(parseScenario(doc('  qps: 0.001\n  burst: 1'))).join()).toContain('settings.qps');
    expect(errors(parseScenario(doc('  burst: -1'))).join()).toContain('settings.burst');
    expect(errors(parseScenario(doc('  burst: 1.5'))).join()).toContain('settings.burst');
  });
});

describe('apiErrors retryAfter (K5)', () => {
  const script = (extra: string) =>
    `script:\n  - { at: 1s, action: apiErrors, code: 429, duration: 3s${extra} }\n`;

  it('is optional, whole seconds from 0 to 3600, and round-trips', () => {
    const plain = parseScenario(doc('  workers: 1', script('')));
    expect(plain.ok && plain.scenario.script[0]).toEqual({
      at: 1000,
      action: 'apiErrors',
      code: 429,
      durationMs: 3000,
    });
    const set = parseScenario(doc('  workers: 1', script(', retryAfter: 2')));
    expect(set.ok && set.scenario.script[0]).toMatchObject({ retryAfter: 2 });
    if (set.ok) expect(parseScenario(scenarioToYaml(set.scenario))).toEqual(set);
    expect(errors(parseScenario(doc('  workers: 1', script(', retryAfter: 1.5')))).join()).toContain(
      'retryAfter',
    );
    expect(errors(parseScenario(doc('  workers: 1', script(', retryAfter: 3601')))).join()).toContain(
      'retryAfter',
    );
  });
});
