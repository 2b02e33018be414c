/**
 * Interventions (script actions without `at`) are checked by the one value check, ./check.ts; this
 * module keeps its earlier import path working. New code imports ./check.
 */
export {
  checkIntervention,
  type InterventionCheck,
  type InterventionsRead,
  readInterventionDocs,
  validateIntervention,
} from './check';
