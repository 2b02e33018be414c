/**
 * The names of the committed scenarios (metadata.name, in library order), without their texts: the page
 * needs them at its first paint (which `?scenario=` names a link may use) while the texts, and the
 * `heavy` scenario generated at import time, stay out of the page's first load. names.test.ts checks
 * this list equals SCENARIO_LIBRARY's names.
 */
export const LIBRARY_SCENARIO_NAMES: readonly string[] = ['default', 'heavy'];
