import { describe, expect, it } from 'vitest';
import { SCENARIO_LIBRARY } from './index';
import { LIBRARY_SCENARIO_NAMES } from './names';

describe('LIBRARY_SCENARIO_NAMES', () => {
  it('lists exactly the committed scenarios, in library order', () => {
    expect(LIBRARY_SCENARIO_NAMES).toEqual(SCENARIO_LIBRARY.map((s) => s.name));
  });
});
