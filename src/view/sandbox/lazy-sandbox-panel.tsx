/**
 * The sandbox editor, loaded on demand: the panel (./sandbox-panel.tsx) brings the YAML reader, the
 * scenario validator and the settings form, which the page's first paint does not need. Until it has
 * loaded, the sandbox's intro line stands in its place. Its styles load with the page (imported here;
 * the fault bar shares them).
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { t } from '../../i18n';
import '../links/links.css';
import './sandbox.css';

const Panel = lazy(() => import('./sandbox-panel').then((m) => ({ default: m.SandboxPanel })));

export function SandboxPanel(): ReactNode {
  return (
    <Suspense fallback={<p className="sb-note">{t('links.sb.intro')}</p>}>
      <Panel />
    </Suspense>
  );
}
