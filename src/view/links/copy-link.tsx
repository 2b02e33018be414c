/**
 * "Copy link" (header): encodes what is on screen into a `#v1.…` URL and copies it. The panel that
 * opens always shows the link in a read-only field (selected, for a manual copy when the clipboard is
 * refused) and offers the iframe snippet for a course page (embed mode, starting at this step or at the
 * beginning). Escape or a click outside closes it; focus returns to the button.
 */
import { memo, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { getLanguage, t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { useSimStoreApi } from '../../store/react';
import { sessionOf } from '../../store/selectors';
import type { SimState } from '../../store/types';
import type { ShareInputs } from './link-state';
import { loadedShare, loadShare, warmShare } from './load-share';
import type { MadeOrError } from './share-link';
import './links.css';

type Copied = 'idle' | 'copied' | 'manual';

/** What is on screen, from the store (null before a scenario is loaded). */
export function shareInputsOf(s: SimState): ShareInputs | null {
  const session = sessionOf(s);
  if (session === null || s.frame === null) return null;
  const file = s.fileLesson;
  return {
    ...(file !== null && file.source === s.source ? { lessonText: file.text } : {}),
    session,
    lang: getLanguage(),
    digest: s.frame.digest,
  };
}

/** Writes text to the clipboard; false when the browser refuses (no permission, insecure page). */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || navigator.clipboard === undefined) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The links for what is on screen (the link codec loads on first use). */
async function make(s: SimState): Promise<MadeOrError> {
  const inputs = shareInputsOf(s);
  const href = window.location.href;
  const loaded = loadedShare();
  if (loaded !== null) return loaded.makeLinks(inputs, href);
  try {
    return (await loadShare()).makeLinks(inputs, href);
  } catch (e) {
    return {
      error: t('links.share.invalid', { reason: e instanceof Error ? e.message : String(e) }),
      tooLarge: false,
    };
  }
}

export const CopyLinkButton = memo(function CopyLinkButton({
  disabled,
}: {
  readonly disabled?: boolean;
}): ReactNode {
  useLang(); // memoised: re-render on a language change (it sits outside the subtree a change remounts)
  const store = useSimStoreApi();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [made, setMade] = useState<MadeOrError | null>(null);
  const [copied, setCopied] = useState<Copied>('idle');
  const [embedCopied, setEmbedCopied] = useState<Copied>('idle');
  const [fromStart, setFromStart] = useState(false);
  /** The panel opens towards the side with room (it is 32rem wide, at most the viewport). */
  const [alignLeft, setAlignLeft] = useState(false);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const panelRef = useRef<HTMLElement | null>(null);
  const fieldRef = useRef<HTMLInputElement | null>(null);
  const snippetRef = useRef<HTMLTextAreaElement | null>(null);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);

  const onCopy = async (): Promise<void> => {
    const m = await make(store.getState());
    setMade(m);
    const r = buttonRef.current?.getBoundingClientRect();
    setAlignLeft(r !== undefined && r.right < Math.min(512, window.innerWidth - 32));
    setOpen(true);
    setEmbedCopied('idle');
    if ('error' in m) {
      setCopied('idle');
      return;
    }
    setCopied((await writeClipboard(m.url)) ? 'copied' : 'manual');
  };

  // The link field is selected whenever it appears (the manual fallback).
  useEffect(() => {
    if (!open) return;
    const f = fieldRef.current;
    if (f !== null) {
      f.focus();
      f.select();
    } else panelRef.current?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent): void => {
      const target = e.target as Node | null;
      if (panelRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      close(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open, close]);

  const snippet =
    made !== null && !('error' in made)
      ? fromStart && made.snippetFromStart !== null
        ? made.snippetFromStart
        : made.snippet
      : '';

  const copySnippet = async (): Promise<void> => {
    const ok = await writeClipboard(snippet);
    setEmbedCopied(ok ? 'copied' : 'manual');
    if (!ok) snippetRef.current?.select();
  };

  return (
    <span className="lnk-share">
      <button
        ref={buttonRef}
        type="button"
        className="btn lnk-share-button"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        disabled={disabled}
        title={t('links.share.hint')}
        onPointerEnter={warmShare}
        onPointerDown={warmShare}
        onFocus={warmShare}
        onClick={() => void onCopy()}
      >
        {t('links.share.copy')}
      </button>
      {open && made !== null && (
        <section
          ref={panelRef}
          id={`${id}-panel`}
          className={`lnk-panel${alignLeft ? ' is-left' : ''}`}
          aria-label={t('links.share.panel')}
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close(true);
            }
          }}
        >
          {'error' in made ? (
            <p className="lnk-status is-error" role="alert">
              {made.error}
            </p>
          ) : (
            <>
              <p className="lnk-status" role="status" data-testid="copy-link-status">
                {copied === 'copied'
                  ? t('links.share.copied')
                  : copied === 'manual'
                    ? t('links.share.manual')
                    : ''}
              </p>
              <label className="lnk-label" htmlFor={`${id}-url`}>
                {t('links.share.field')}
              </label>
              <input
                ref={fieldRef}
                id={`${id}-url`}
                className="lnk-field"
                type="text"
                readOnly
                value={made.url}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="share-url"
              />
              <p className="lnk-meta">{t('links.share.size', { chars: made.chars })}</p>
              <div className="lnk-embed">
                <label className="lnk-label" htmlFor={`${id}-embed`}>
                  {t('links.share.embed')}
                </label>
                {made.embedFromStart !== null && (
                  <label className="lnk-check">
                    <input
                      type="checkbox"
                      checked={fromStart}
                      onChange={(e) => setFromStart(e.currentTarget.checked)}
                    />
                    {t('links.share.embedFromStart')}
                  </label>
                )}
                <textarea
                  ref={snippetRef}
                  id={`${id}-embed`}
                  className="lnk-snippet"
                  readOnly
                  rows={3}
                  value={snippet}
                  onFocus={(e) => e.currentTarget.select()}
                  data-testid="embed-snippet"
                />
                <div className="lnk-row">
                  <button type="button" className="btn" onClick={() => void copySnippet()}>
                    {t('links.share.copyEmbed')}
                  </button>
                  <span className="lnk-status" role="status">
                    {embedCopied === 'copied'
                      ? t('links.share.embedCopied')
                      : embedCopied === 'manual'
                        ? t('links.share.manual')
                        : ''}
                  </span>
                </div>
              </div>
            </>
          )}
          <div className="lnk-row lnk-row-end">
            <button type="button" className="btn" onClick={() => close(true)}>
              {t('links.share.close')}
            </button>
          </div>
        </section>
      )}
    </span>
  );
});
