/**
 * "Share comparison": one link carrying both sessions at the steps on screen, the alignment and the
 * built-in comparison's id (src/view/links `makeCompareLinks`, loaded on demand with the link codec),
 * plus the iframe snippet of its embed mode. The panel works as "Copy link"'s: the link is copied and
 * shown selected in a read-only field (the manual fallback); Escape or a click outside closes it.
 */
import { memo, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { writeClipboard } from '../links/copy-link';
import '../links/links.css';
import { useCompareStoreApi } from './compare-context';
import { type CompareMade, loadCompareLinks, shareInputsOfCompare, warmCompareLinks } from './compare-links';

type Copied = 'idle' | 'copied' | 'manual';

export const CompareShareButton = memo(function CompareShareButton({
  disabled,
}: {
  readonly disabled?: boolean;
}): ReactNode {
  useLang();
  const api = useCompareStoreApi();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [made, setMade] = useState<CompareMade | null>(null);
  const [copied, setCopied] = useState<Copied>('idle');
  const [embedCopied, setEmbedCopied] = useState<Copied>('idle');
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const panelRef = useRef<HTMLElement | null>(null);
  const fieldRef = useRef<HTMLInputElement | null>(null);
  const snippetRef = useRef<HTMLTextAreaElement | null>(null);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);

  const onShare = async (): Promise<void> => {
    let m: CompareMade;
    try {
      m = (await loadCompareLinks()).makeCompareLinks(shareInputsOfCompare(api), window.location.href);
    } catch (e) {
      m = { error: t('links.share.invalid', { reason: e instanceof Error ? e.message : String(e) }) };
    }
    setMade(m);
    setOpen(true);
    setEmbedCopied('idle');
    if ('error' in m) {
      setCopied('idle');
      return;
    }
    setCopied((await writeClipboard(m.url)) ? 'copied' : 'manual');
  };

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

  const copySnippet = async (snippet: string): Promise<void> => {
    const ok = await writeClipboard(snippet);
    setEmbedCopied(ok ? 'copied' : 'manual');
    if (!ok) snippetRef.current?.select();
  };

  return (
    <span className="lnk-share cmp-share">
      <button
        ref={buttonRef}
        type="button"
        className="btn lnk-share-button"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        disabled={disabled}
        title={t('compare.share.hint')}
        onPointerEnter={warmCompareLinks}
        onFocus={warmCompareLinks}
        onClick={() => void onShare()}
      >
        {t('compare.share')}
      </button>
      {open && made !== null && (
        <section
          ref={panelRef}
          id={`${id}-panel`}
          className="lnk-panel cmp-share-panel"
          aria-label={t('compare.share.panel')}
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
              <p className="lnk-status" role="status" data-testid="compare-share-status">
                {copied === 'copied'
                  ? t('links.share.copied')
                  : copied === 'manual'
                    ? t('links.share.manual')
                    : ''}
              </p>
              <label className="lnk-label" htmlFor={`${id}-url`}>
                {t('compare.share.field')}
              </label>
              <input
                ref={fieldRef}
                id={`${id}-url`}
                className="lnk-field"
                type="text"
                readOnly
                value={made.url}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="compare-share-url"
              />
              <p className="lnk-meta">{t('links.share.size', { chars: made.chars })}</p>
              <div className="lnk-embed">
                <label className="lnk-label" htmlFor={`${id}-embed`}>
                  {t('links.share.embed')}
                </label>
                <textarea
                  ref={snippetRef}
                  id={`${id}-embed`}
                  className="lnk-snippet"
                  readOnly
                  rows={3}
                  value={made.snippet}
                  onFocus={(e) => e.currentTarget.select()}
                  data-testid="compare-embed-snippet"
                />
                <div className="lnk-row">
                  <button type="button" className="btn" onClick={() => void copySnippet(made.snippet)}>
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
