/**
 * "Share comparison": one link carrying both sessions at the steps on screen, the alignment and the
 * built-in comparison's id (src/view/links `makeCompareLinks`, loaded on demand with the link codec),
 * plus the iframe snippet of its embed mode. The panel is "Copy link"'s (../links/share-panel.tsx).
 */
import { memo, type ReactNode, useCallback } from 'react';
import { t } from '../../i18n';
import { SharePanelButton, type SharePanelMade } from '../links/share-panel';
import { useCompareStoreApi } from './compare-context';
import { loadCompareLinks, shareInputsOfCompare, warmCompareLinks } from './compare-links';

const TEXT = {
  button: 'compare.share',
  hint: 'compare.share.hint',
  panel: 'compare.share.panel',
  field: 'compare.share.field',
} as const;
const TEST_IDS = {
  status: 'compare-share-status',
  url: 'compare-share-url',
  snippet: 'compare-embed-snippet',
} as const;

export const CompareShareButton = memo(function CompareShareButton({
  disabled,
}: {
  readonly disabled?: boolean;
}): ReactNode {
  const api = useCompareStoreApi();
  const make = useCallback(async (): Promise<SharePanelMade> => {
    try {
      const m = (await loadCompareLinks()).makeCompareLinks(shareInputsOfCompare(api), window.location.href);
      // A comparison's embed starts where it is shown (its link has no "from the beginning" variant).
      return 'error' in m ? m : { ...m, snippetFromStart: null };
    } catch (e) {
      return { error: t('links.share.invalid', { reason: e instanceof Error ? e.message : String(e) }) };
    }
  }, [api]);
  return (
    <SharePanelButton
      disabled={disabled}
      className="cmp-share"
      text={TEXT}
      testIds={TEST_IDS}
      warm={warmCompareLinks}
      make={make}
    />
  );
});
