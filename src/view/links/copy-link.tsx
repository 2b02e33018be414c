/**
 * "Copy link" (header): encodes what is on screen into a `#v1.…` URL and copies it, in the share panel
 * (./share-panel.tsx: the link selected in a read-only field, the iframe snippet for a course page,
 * starting at this step or at the beginning).
 */
import { memo, type ReactNode, useCallback } from 'react';
import { getLanguage, t } from '../../i18n';
import { useSimStoreApi } from '../../store/react';
import { sessionOf } from '../../store/selectors';
import type { SimState } from '../../store/types';
import type { ShareInputs } from './link-state';
import { loadedShare, loadShare, warmShare } from './load-share';
import type { MadeOrError } from './share-link';
import { SharePanelButton } from './share-panel';

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

const TEXT = {
  button: 'links.share.copy',
  hint: 'links.share.hint',
  panel: 'links.share.panel',
  field: 'links.share.field',
} as const;
const TEST_IDS = { status: 'copy-link-status', url: 'share-url', snippet: 'embed-snippet' } as const;

export const CopyLinkButton = memo(function CopyLinkButton({
  disabled,
}: {
  readonly disabled?: boolean;
}): ReactNode {
  const store = useSimStoreApi();
  const makeNow = useCallback(() => make(store.getState()), [store]);
  return (
    <SharePanelButton disabled={disabled} text={TEXT} testIds={TEST_IDS} warm={warmShare} make={makeNow} />
  );
});
