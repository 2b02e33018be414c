/** Test helper: ShareInputs from a flat base (session fields, language, digest) and overrides. */
import type { ScenarioSource, Session } from '../../engine/model/session';
import type { Lang } from '../../i18n';
import type { ShareInputs } from './link-state';

export interface ShareFields {
  readonly source: ScenarioSource;
  readonly seed?: number | undefined;
  readonly step: number;
  readonly interventions: Session['interventions'];
  readonly digest: string | null;
  readonly lang: Lang;
  readonly embed?: ShareInputs['embed'];
  readonly lessonText?: string;
}

/** The base with `over` replacing any of its fields, as the ShareInputs a page would make. */
export function shareInputs(base: ShareFields, over: Partial<ShareFields> = {}): ShareInputs {
  const b = { ...base, ...over };
  return {
    session: {
      source: b.source,
      ...(b.seed === undefined ? {} : { seed: b.seed }),
      interventions: b.interventions,
      step: b.step,
    },
    lang: b.lang,
    digest: b.digest,
    ...(b.embed === undefined ? {} : { embed: b.embed }),
    ...(b.lessonText === undefined ? {} : { lessonText: b.lessonText }),
  };
}
