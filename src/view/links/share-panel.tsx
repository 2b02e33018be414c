/**
 * A share button and the panel it opens, shared by "Copy link" (one run) and "Share comparison" (two):
 * the link is copied and shown selected in a read-only field (the manual fallback when the clipboard is
 * refused), with the iframe snippet of its embed mode (from this step or, when offered, from the
 * beginning). Escape or a click outside closes the panel; focus returns to the button.
 */
import { memo, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import './links.css';

type Copied = 'idle' | 'copied' | 'manual';

/** What the panel shows: the link, its length, the embed snippets (from the start: null when not offered). */
export type SharePanelMade =
  | {
      readonly url: string;
      readonly chars: number;
      readonly snippet: string;
      readonly snippetFromStart: string | null;
    }
  | { readonly error: string };

export interface SharePanelProps {
  readonly disabled?: boolean | undefined;
  /** Extra class of the wrapper (placement in its toolbar). */
  readonly className?: string;
  /** i18n keys of the button's label and hint, the panel's name and the link field's label. */
  readonly text: {
    readonly button: string;
    readonly hint: string;
    readonly panel: string;
    readonly field: string;
  };
  readonly testIds: { readonly status: string; readonly url: string; readonly snippet: string };
  /** Starts loading what `make` needs (the link codec) when the pointer or focus comes near. */
  readonly warm: () => void;
  /** Makes the links for what is on screen. Keep `text`, `testIds`, `warm` and `make` stable: the button is memoised. */
  readonly make: () => Promise<SharePanelMade>;
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

export const SharePanelButton = memo(function SharePanelButton({
  disabled,
  className,
  text,
  testIds,
  warm,
  make,
}: SharePanelProps): ReactNode {
  useLang(); // memoised: re-render on a language change (it sits outside the subtree a change remounts)
  const id = useId();
  const [open, setOpen] = useState(false);
  const [made, setMade] = useState<SharePanelMade | null>(null);
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

  const onShare = async (): Promise<void> => {
    const m = await make();
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
    <span className={`lnk-share${className === undefined ? '' : ` ${className}`}`}>
      <button
        ref={buttonRef}
        type="button"
        className="btn lnk-share-button"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        disabled={disabled}
        title={t(text.hint)}
        onPointerEnter={warm}
        onPointerDown={warm}
        onFocus={warm}
        onClick={() => void onShare()}
      >
        {t(text.button)}
      </button>
      {open && made !== null && (
        <section
          ref={panelRef}
          id={`${id}-panel`}
          className={`lnk-panel${alignLeft ? ' is-left' : ''}`}
          aria-label={t(text.panel)}
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
              <p className="lnk-status" role="status" data-testid={testIds.status}>
                {copied === 'copied'
                  ? t('links.share.copied')
                  : copied === 'manual'
                    ? t('links.share.manual')
                    : ''}
              </p>
              <label className="lnk-label" htmlFor={`${id}-url`}>
                {t(text.field)}
              </label>
              <input
                ref={fieldRef}
                id={`${id}-url`}
                className="lnk-field"
                type="text"
                readOnly
                value={made.url}
                onFocus={(e) => e.currentTarget.select()}
                data-testid={testIds.url}
              />
              <p className="lnk-meta">{t('links.share.size', { chars: made.chars })}</p>
              <div className="lnk-embed">
                <label className="lnk-label" htmlFor={`${id}-embed`}>
                  {t('links.share.embed')}
                </label>
                {made.snippetFromStart !== null && (
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
                  data-testid={testIds.snippet}
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
