/**
 * The sandbox: author a scenario. A settings form and a YAML editor (objects, script, seed, metadata)
 * start from the simulation on screen (its scenario with the interventions made so far), are validated
 * as you type (debounced) with messages naming the line and the problem, and Apply loads the result.
 * A lesson edited only in its settings stays a lesson (with those changes). Import reads a scenario file
 * (validated; a bad file changes nothing) and loads it; Export saves the simulation's scenario.
 */
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ScenarioSource } from '../../engine/model/session';
import { t } from '../../i18n';
import { selectDraft, selectInterventions, selectSource } from '../../store';
import { useSimStore, useSimStoreApi } from '../../store/react';
import { builtInLesson } from '../lessons/built-in-lesson';
import { download } from '../shell/download';
import { checkDraft, type DraftCheck, draftFromSettings, type SettingsDraft } from './settings-form';
import { SettingsFormView } from './settings-form-view';
import {
  type BodyCheck,
  checkBody,
  composeScenario,
  lessonChanges,
  splitScenarioText,
  type YamlProblem,
} from './yaml-check';
import { YamlEditor, type YamlEditorHandle } from './yaml-editor';

// Its styles (../links/links.css, ./sandbox.css) load with the page: ./lazy-sandbox-panel.tsx imports them.

const DEBOUNCE_MS = 300;
/** Larger files are refused before reading (the scenario format's own cap is 2 MB of text). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

interface Checked {
  readonly body: BodyCheck;
  readonly settings: DraftCheck;
}

type Message = { readonly tone: 'ok' | 'error'; readonly text: string; readonly lines?: readonly string[] };

export function problemText(p: YamlProblem): string {
  const what =
    p.code === 'settings-in-text'
      ? t('links.sb.settingsInText')
      : p.path === ''
        ? p.message
        : `${p.path}: ${p.message}`;
  return p.line === undefined ? what : t('links.sb.atLine', { line: p.line, problem: what });
}

/** What Apply loads: the lesson with its changed settings when only those differ, else the text. */
function sourceFor(current: ScenarioSource | null, checked: Checked): ScenarioSource | null {
  if (!checked.body.ok || !checked.settings.ok) return null;
  const scenario = composeScenario(checked.body.scenario, checked.settings.settings);
  if (current?.kind === 'lesson') {
    const lesson = builtInLesson(current.id);
    if (lesson !== undefined) {
      const changes = lessonChanges(lesson.scenario, scenario);
      if (changes !== null) {
        return Object.keys(changes).length === 0
          ? { kind: 'lesson', id: current.id }
          : { kind: 'lesson', id: current.id, changes };
      }
    }
  }
  // Already validated: it opens as a value (no YAML round trip).
  return { kind: 'scenario', scenario };
}

export function SandboxPanel(): ReactNode {
  const store = useSimStoreApi();
  const id = useId();
  const source = useSimStore(selectSource);
  const interventions = useSimStore(selectInterventions);
  const { body, settings, origin, dirty } = useSimStore(selectDraft);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const editor = useRef<YamlEditorHandle | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);

  const stale = origin === null || origin.source !== source || origin.interventions !== interventions;

  /** Remakes the draft from the simulation on screen. */
  const reload = useCallback(async (): Promise<void> => {
    const s = store.getState();
    const from = { source: s.source, interventions: s.interventions };
    if (from.source === null) return;
    const yaml = await s.exportScenario();
    if (yaml === null) return;
    const split = splitScenarioText(yaml);
    if (!split.ok) return;
    store.getState().updateDraft({
      body: split.body,
      settings: draftFromSettings(split.settings),
      origin: { source: from.source, interventions: from.interventions },
      dirty: false,
    });
  }, [store]);

  // Follow the simulation while the draft is not edited.
  useEffect(() => {
    if (source !== null && stale && !dirty) void reload();
  }, [source, stale, dirty, reload]);

  // Validate as you type (debounced).
  useEffect(() => {
    if (settings === null) return;
    setChecked(null);
    const timer = setTimeout(
      () => setChecked({ body: checkBody(body), settings: checkDraft(settings) }),
      DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [body, settings]);

  const edit = (patch: { body?: string; settings?: SettingsDraft }): void => {
    store.getState().updateDraft({ ...patch, dirty: true });
    setMessage(null);
  };

  /** Loads a source; the draft then stands for it (it does not follow the load by remaking itself). */
  const load = async (src: ScenarioSource): Promise<boolean> => {
    setBusy(true);
    const wasDirty = store.getState().draft.dirty;
    store.getState().updateDraft({ dirty: true });
    try {
      const ok = await store.getState().load(src);
      const s = store.getState();
      if (ok && s.source !== null)
        store
          .getState()
          .updateDraft({ origin: { source: s.source, interventions: s.interventions }, dirty: false });
      else store.getState().updateDraft({ dirty: wasDirty });
      return ok;
    } finally {
      setBusy(false);
    }
  };

  const apply = async (): Promise<void> => {
    if (settings === null) return;
    const now: Checked = { body: checkBody(body), settings: checkDraft(settings) };
    setChecked(now);
    const src = sourceFor(store.getState().source, now);
    if (src === null) {
      setMessage({ tone: 'error', text: t('links.sb.fixFirst') });
      return;
    }
    const ok = await load(src);
    setMessage(
      ok ? { tone: 'ok', text: t('links.sb.applied') } : { tone: 'error', text: t('links.sb.notApplied') },
    );
  };

  const moveSettings = (): void => {
    const split = splitScenarioText(body);
    if (!split.ok) {
      setMessage({ tone: 'error', text: t('links.sb.moveFailed'), lines: split.problems.map(problemText) });
      return;
    }
    edit({ body: split.body, settings: draftFromSettings(split.settings) });
  };

  const importFile = async (file: File): Promise<void> => {
    if (file.size > MAX_FILE_BYTES) {
      setMessage({ tone: 'error', text: t('links.sb.import.tooLarge', { name: file.name }) });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ tone: 'error', text: t('links.sb.import.unreadable', { name: file.name }) });
      return;
    }
    const split = splitScenarioText(text);
    if (!split.ok) {
      setMessage({
        tone: 'error',
        text: t('links.sb.import.invalid', { name: file.name }),
        lines: split.problems.map(problemText),
      });
      return;
    }
    const ok = await load({ kind: 'text', text });
    if (!ok) {
      setMessage({ tone: 'error', text: t('links.sb.import.invalid', { name: file.name }) });
      return;
    }
    store
      .getState()
      .updateDraft({ body: split.body, settings: draftFromSettings(split.settings), dirty: false });
    setMessage({ tone: 'ok', text: t('links.sb.import.done', { name: file.name }) });
  };

  const exportYaml = (): void => {
    void store
      .getState()
      .exportScenario()
      .then((y) => {
        if (y !== null)
          download(`${store.getState().scenario?.name ?? 'scenario'}.yaml`, y, 'application/yaml');
      });
  };

  const problems = checked !== null && !checked.body.ok ? checked.body.problems : [];
  const fieldErrors = checked !== null && !checked.settings.ok ? checked.settings.fields : {};
  const otherErrors = checked !== null && !checked.settings.ok ? checked.settings.other : [];
  const valid = checked?.body.ok === true && checked.settings.ok;
  const problemCount = problems.length + Object.keys(fieldErrors).length + otherErrors.length;
  const problemLines = new Set(problems.flatMap((p) => (p.line === undefined ? [] : [p.line])));

  return (
    <section className="sb-panel" aria-labelledby={`${id}-title`} data-testid="sandbox">
      <header className="sb-head">
        <h2 id={`${id}-title`} className="sb-heading">
          {t('links.sb.title')}
        </h2>
        <p className="sb-note">{t('links.sb.intro')}</p>
        <div className="sb-actions">
          <button
            type="button"
            className="btn lnk-primary"
            disabled={busy || settings === null || (checked !== null && !valid)}
            onClick={() => void apply()}
          >
            {t('links.sb.apply')}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void reload()}>
            {t('links.sb.reload')}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => fileInput.current?.click()}>
            {t('links.sb.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml,text/plain"
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('links.sb.import')}
            data-testid="sandbox-import"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f !== undefined) void importFile(f);
            }}
          />
          <button type="button" className="btn" onClick={exportYaml}>
            {t('links.sb.export')}
          </button>
        </div>
      </header>
      {dirty && stale && origin !== null && (
        <p className="sb-stale" role="status">
          {t('links.sb.stale')}{' '}
          <button type="button" className="btn" onClick={() => void reload()}>
            {t('links.sb.reload')}
          </button>
        </p>
      )}
      {message !== null && (
        <div className={`sb-message is-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
          {message.lines !== undefined && message.lines.length > 0 && (
            <ul>
              {message.lines.slice(0, 20).map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text lines
                <li key={i}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {settings === null ? (
        <p className="app-loading">{t('shell.loading')}</p>
      ) : (
        <div className="sb-columns">
          <div className="sb-col">
            <h3 className="sb-title">{t('links.sb.settings')}</h3>
            <SettingsFormView
              draft={settings}
              errors={fieldErrors}
              onChange={(d) => edit({ settings: d })}
              eraLocked={source?.kind === 'lesson'}
            />
            {otherErrors.length > 0 && (
              <ul className="sb-problems">
                {otherErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )}
          </div>
          <div className="sb-col sb-col-wide">
            <label className="sb-title" htmlFor={`${id}-yaml`}>
              {t('links.sb.yaml')}
            </label>
            <p className="sb-note" id={`${id}-yaml-hint`}>
              {t('links.sb.yaml.hint')}
            </p>
            <YamlEditor
              ref={editor}
              id={`${id}-yaml`}
              value={body}
              onChange={(text) => edit({ body: text })}
              problemLines={problemLines}
              describedBy={`${id}-yaml-hint ${id}-yaml-status`}
              invalid={problems.length > 0}
            />
            <div
              id={`${id}-yaml-status`}
              className="sb-check-status"
              role="status"
              data-testid="sandbox-status"
            >
              {checked === null
                ? t('links.sb.checking')
                : valid
                  ? t('links.sb.valid')
                  : problemCount === 1
                    ? t('links.sb.problems.one')
                    : t('links.sb.problems', { count: problemCount })}
            </div>
            {problems.length > 0 && (
              <ul className="sb-problems" data-testid="sandbox-problems">
                {problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: problems are recomputed as a whole
                  <li key={i}>
                    {p.line !== undefined ? (
                      <button
                        type="button"
                        className="sb-problem"
                        onClick={() => editor.current?.jumpTo(p.line!)}
                      >
                        {problemText(p)}
                      </button>
                    ) : (
                      <span className="sb-problem">{problemText(p)}</span>
                    )}
                    {p.code === 'settings-in-text' && (
                      <button type="button" className="btn sb-move" onClick={moveSettings}>
                        {t('links.sb.moveSettings')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
