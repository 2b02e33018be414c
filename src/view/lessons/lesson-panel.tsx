/**
 * The lesson panel (side pane; compact in embed mode), split so that the page's first load stays small:
 *
 * - the picker, here and loaded with the page: the built-in lessons from the catalog (numbered, titled in
 *   the active language: src/scenarios/lessons/catalog-data.ts, no lesson text, no parser), the built-in
 *   comparisons in a "Comparisons" group (choosing one opens `?compare=<id>`, the compare view), "Open a
 *   lesson file…", and the title of the lesson on screen;
 * - the player (./lesson-player.tsx), loaded on demand once a lesson is on screen: the summary, the
 *   lesson narration, the pause card and the goal. It brings the lesson texts, the YAML reader and the
 *   lesson parser; so does reading a lesson file (./lesson-file.ts), loaded when a file is chosen.
 *
 * The panel's styles load with the page (imported here), so nothing reflows when the player appears.
 */
import { lazy, memo, type ReactNode, Suspense, useId, useRef, useState } from 'react';
import type { Era } from '../../engine/model/scenario';
import type { ScenarioSource } from '../../engine/model/session';
import { getLanguage, t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { COMPARISON_TITLES } from '../../scenarios/comparisons/titles';
import { selectFileLesson, selectSource } from '../../store';
import { useSimStore, useSimStoreApi } from '../../store/react';
import type { FileLesson } from '../../store/types';
import { LESSON_ERAS, LESSON_LIST, lessonEntry } from './catalog';
import { textIn } from './lesson-text';
import '../links/links.css';
import './lessons.css';

export interface LessonPanelProps {
  /** Embed mode: no picker, no file button. */
  readonly compact?: boolean;
}

/** The picker's value of a built-in comparison (issue 13): `compare:<id>`. */
const COMPARISON_OPTION = 'compare:';

/** Larger files are refused before reading. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

const LessonPlayer = lazy(() => import('./lesson-player').then((m) => ({ default: m.LessonPlayer })));

/** The lesson on screen as the picker knows it (number, title and era), or null. */
function lessonOnScreen(
  source: ScenarioSource | null,
  file: FileLesson | null,
): {
  readonly number: number;
  readonly title: { readonly en: string; readonly zh: string };
  readonly era: Era;
} | null {
  if (source === null) return null;
  if (source.kind === 'lesson') return lessonEntry(source.id) ?? null;
  return file !== null && file.source === source ? file.lesson : null;
}

/**
 * Memoised: it and its player subscribe to what they show, so a new frame re-renders the player's parts
 * that follow the cursor, not the picker (its select re-set every option's `selected` on each frame).
 */
export const LessonPanel = memo(function LessonPanel({ compact = false }: LessonPanelProps): ReactNode {
  const store = useSimStoreApi();
  const lang = useLang();
  const id = useId();
  const source = useSimStore(selectSource);
  const fileLesson = useSimStore(selectFileLesson);
  const lesson = lessonOnScreen(source, fileLesson);
  const [fileErrors, setFileErrors] = useState<{ name: string; lines: string[] } | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);

  const openBuiltIn = (lessonId: string): void => {
    if (lessonId === '') return;
    if (lessonId.startsWith(COMPARISON_OPTION)) {
      // A built-in comparison is a page of its own (two engines): go to it, in this language.
      const id = lessonId.slice(COMPARISON_OPTION.length);
      window.location.assign(
        `./?compare=${encodeURIComponent(id)}&lang=${encodeURIComponent(getLanguage())}`,
      );
      return;
    }
    setFileErrors(null);
    void store.getState().load({ kind: 'lesson', id: lessonId });
  };

  const openFile = async (file: File): Promise<void> => {
    if (file.size > MAX_FILE_BYTES) {
      setFileErrors({ name: file.name, lines: [t('links.lesson.file.tooLarge')] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFileErrors({ name: file.name, lines: [t('links.lesson.file.unreadable')] });
      return;
    }
    const { readLessonFile } = await import('./lesson-file');
    const r = readLessonFile(text);
    if (!r.ok) {
      setFileErrors({ name: file.name, lines: r.lines });
      return;
    }
    // The lesson's scenario is already validated: it opens as a value, with no YAML round trip.
    const src: ScenarioSource = { kind: 'scenario', scenario: r.lesson.scenario };
    store.getState().setFileLesson({ lesson: r.lesson, text, source: src });
    setFileErrors(null);
    const ok = await store.getState().load(src);
    if (!ok) store.getState().setFileLesson(null);
  };

  if (compact && lesson === null) return null;
  return (
    <section
      className={`ls-panel${compact ? ' is-compact' : ''}`}
      aria-labelledby={`${id}-title`}
      data-testid="lesson-panel"
    >
      {!compact && (
        <div className="ls-picker">
          <label htmlFor={`${id}-pick`} className="ls-label">
            {t('links.lesson.pick')}
          </label>
          <select
            id={`${id}-pick`}
            className="ctl-select ls-select"
            value={source?.kind === 'lesson' ? source.id : ''}
            onChange={(e) => openBuiltIn(e.currentTarget.value)}
          >
            <option value="">{t('links.lesson.none')}</option>
            {LESSON_ERAS.map((era) => (
              <optgroup key={era} label={t(`links.lesson.era.group.${era}`)} data-era={era}>
                {LESSON_LIST.filter((l) => l.era === era).map((l) => (
                  <option key={l.id} value={l.id}>
                    {t('links.lesson.option', { n: l.number, title: textIn(l.title, lang) })}
                  </option>
                ))}
              </optgroup>
            ))}
            <optgroup label={t('compare.picker.group')} data-group="comparisons">
              {COMPARISON_TITLES.map((c) => (
                <option key={c.id} value={`${COMPARISON_OPTION}${c.id}`}>
                  {t('compare.picker.option', { n: c.number, title: textIn(c.title, lang) })}
                </option>
              ))}
            </optgroup>
          </select>
          <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
            {t('links.lesson.file')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml,text/plain"
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('links.lesson.file')}
            data-testid="lesson-file"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f !== undefined) void openFile(f);
            }}
          />
        </div>
      )}
      {fileErrors !== null && (
        <div className="ls-errors" role="alert" data-testid="lesson-file-errors">
          <p>{t('links.lesson.file.invalid', { name: fileErrors.name })}</p>
          <ul>
            {fileErrors.lines.slice(0, 30).map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text lines
              <li key={i}>{l}</li>
            ))}
          </ul>
        </div>
      )}
      {lesson === null ? (
        !compact && (
          <p className="ls-intro" id={`${id}-title`}>
            {t('links.lesson.intro')}
          </p>
        )
      ) : (
        <div className="ls-lesson">
          <p className="ls-era" data-era={lesson.era} data-testid="lesson-era">
            <span className="ls-era-badge">{t(`links.lesson.era.${lesson.era}`)}</span>
            <span className="ls-muted">{t(`links.lesson.era.versions.${lesson.era}`)}</span>
          </p>
          <h2 className="ls-title" id={`${id}-title`}>
            {t('links.lesson.title', { n: lesson.number, title: textIn(lesson.title, lang) })}
          </h2>
          <Suspense fallback={<p className="ls-muted">{t('links.lesson.loading')}</p>}>
            <LessonPlayer compact={compact} />
          </Suspense>
        </div>
      )}
    </section>
  );
});
