/**
 * The committed scenarios, as text in the scenario format (docs/SCENARIOS.md). Each module exports
 * its text as `yaml` (a TypeScript string, so Node tests and the browser bundle load it the same way).
 * Every entry parses with zero errors (library.test.ts).
 */
import { yaml as defaultYaml } from './default';
import { yaml as heavyYaml } from './heavy';

export interface LibraryScenario {
  /** metadata.name of the scenario. */
  readonly name: string;
  readonly yaml: string;
}

export const SCENARIO_LIBRARY: readonly LibraryScenario[] = [
  { name: 'default', yaml: defaultYaml },
  { name: 'heavy', yaml: heavyYaml },
];

export function libraryScenario(name: string): LibraryScenario | undefined {
  return SCENARIO_LIBRARY.find((s) => s.name === name);
}
