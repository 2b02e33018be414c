/**
 * Small building blocks shared by every inspector: key buttons (clickable, selectable), chips whose
 * colour always comes with text, yes/no marks, status chips, kind glyphs (the figure's square for a
 * Foo, triangle for a Deployment), "showing N of M" notes, titled sections and fact lists.
 */
import { type ReactNode, useId } from 'react';
import { t } from '../../i18n';
import { classifyStatus, formatCount, type StatusClass, statusText } from './format';
import './inspectors.css';
import './inspector-tables.css';

export type Tone = 'neutral' | 'ok' | 'info' | 'warn' | 'danger' | 'accent' | 'muted';

export interface KeyButtonProps {
  readonly keyName: string;
  readonly selected: boolean;
  /** Without a handler the key renders as plain text. */
  readonly onSelect?: ((key: string) => void) | undefined;
}

/** A key (namespace/name): a button named "Select key …", pressed when it is the selected key. */
export function KeyButton({ keyName, selected, onSelect }: KeyButtonProps): ReactNode {
  if (onSelect === undefined)
    return (
      <span className={selected ? 'insp-key is-selected' : 'insp-key'} title={keyName}>
        {keyName}
      </span>
    );
  return (
    <button
      type="button"
      className={selected ? 'insp-key is-selected' : 'insp-key'}
      aria-pressed={selected}
      aria-label={t('inspectors.key.select', { key: keyName })}
      title={keyName}
      onClick={() => onSelect(keyName)}
    >
      {keyName}
    </button>
  );
}

export interface ChipProps {
  readonly tone: Tone;
  readonly children: ReactNode;
  readonly title?: string | undefined;
  /** A glyph shown before the text (decorative; the text carries the meaning). */
  readonly icon?: string | undefined;
}

export function Chip({ tone, children, title, icon }: ChipProps): ReactNode {
  return (
    <span className={`insp-chip tone-${tone}`} title={title}>
      {icon !== undefined && (
        <span className="insp-chip-icon" aria-hidden="true">
          {icon}
        </span>
      )}
      {children}
    </span>
  );
}

/** "✓ yes" / "✗ no" (or custom words), never colour alone. */
export function YesNo({
  value,
  yes,
  no,
}: {
  readonly value: boolean;
  readonly yes?: string;
  readonly no?: string;
}): ReactNode {
  return (
    <span className={value ? 'insp-yes' : 'insp-no'}>
      <span aria-hidden="true">{value ? '✓ ' : '✗ '}</span>
      {value ? (yes ?? t('inspectors.yes')) : (no ?? t('inspectors.no'))}
    </span>
  );
}

const STATUS_TONE: Readonly<Record<StatusClass, Tone>> = {
  success: 'ok',
  conflict: 'warn',
  'already-exists': 'warn',
  'not-found': 'info',
  gone: 'warn',
  throttled: 'warn',
  'client-error': 'danger',
  'server-error': 'danger',
  refused: 'danger',
  unknown: 'neutral',
};

const STATUS_ICON: Readonly<Record<StatusClass, string>> = {
  success: '✓',
  conflict: '⚠',
  'already-exists': '⚠',
  'not-found': '?',
  gone: '↺',
  throttled: '◷',
  'client-error': '✕',
  'server-error': '✕',
  refused: '⊘',
  unknown: '•',
};

export function statusTone(c: StatusClass): Tone {
  return STATUS_TONE[c];
}

export function statusIcon(c: StatusClass): string {
  return STATUS_ICON[c];
}

/** An HTTP status as a chip: colour, glyph and text ("409 Conflict"). */
export function StatusChip({
  code,
  reason,
}: {
  readonly code: number;
  readonly reason: string | null;
}): ReactNode {
  const c = classifyStatus(code, reason);
  return (
    <Chip tone={STATUS_TONE[c]} icon={STATUS_ICON[c]} title={t(`inspectors.statusClass.${c}`)}>
      {statusText(code, reason)}
    </Chip>
  );
}

/** The figure's shapes: a square for a Foo, a triangle for a Deployment, with the kind's name. */
export function KindLabel({ kind, short }: { readonly kind: string; readonly short?: boolean }): ReactNode {
  const glyph = kind === 'Foo' ? '■' : kind === 'Deployment' ? '▲' : '●';
  return (
    <span className={`insp-kind kind-${kind.toLowerCase()}`}>
      <span className="insp-kind-glyph" aria-hidden="true">
        {glyph}
      </span>
      {short === true ? null : kind}
      {short === true ? <span className="insp-sr-only">{kind}</span> : null}
    </span>
  );
}

/** "showing 200 of 10,000" when a list was cut; nothing when everything is shown. */
export function ShowingNote({ shown, total }: { readonly shown: number; readonly total: number }): ReactNode {
  if (shown >= total) return null;
  return (
    <p className="insp-note">
      {t('inspectors.showing', { shown: formatCount(shown), total: formatCount(total) })}
    </p>
  );
}

export interface SectionProps {
  readonly title: string;
  /** A short text beside the title (a count, a state). */
  readonly aside?: ReactNode;
  readonly children: ReactNode;
  readonly className?: string;
}

/**
 * A titled group (its heading names it for assistive technology). A group, not a region: the scrollable
 * table inside is the region of that name (windowed-table.tsx), and two landmarks with one name would
 * be ambiguous (axe landmark-unique).
 */
export function Section({ title, aside, children, className }: SectionProps): ReactNode {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> would be wrong here; this groups output, not form controls.
    <div
      role="group"
      className={className === undefined ? 'insp-section' : `insp-section ${className}`}
      aria-labelledby={id}
    >
      <header className="insp-section-head">
        <h4 id={id} className="insp-section-title">
          {title}
        </h4>
        {aside !== undefined && <span className="insp-section-aside">{aside}</span>}
      </header>
      {children}
    </div>
  );
}

export interface Fact {
  readonly term: string;
  readonly value: ReactNode;
  /** Show the term as code (a client-go identifier). */
  readonly code?: boolean;
  /** A tooltip on the term (e.g. the client-go field behind a plain label). */
  readonly hint?: string;
}

/** A definition list of labelled facts. */
export function Facts({ items }: { readonly items: readonly Fact[] }): ReactNode {
  return (
    <dl className="insp-facts">
      {items.map((f) => (
        <div className="insp-fact" key={f.term}>
          <dt title={f.hint}>{f.code === true ? <code>{f.term}</code> : f.term}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface InspectorFrameProps {
  /** The inspector's title (its heading). */
  readonly title: string;
  /** A one-line hint under the title (the client-go type it shows). */
  readonly subtitle?: string;
  readonly children: ReactNode;
  readonly className?: string;
  readonly testId?: string;
}

/** The outer box of an inspector: an article with a heading. */
export function InspectorShell({
  title,
  subtitle,
  children,
  className,
  testId,
}: InspectorFrameProps): ReactNode {
  const id = useId();
  return (
    <article
      className={className === undefined ? 'insp' : `insp ${className}`}
      aria-labelledby={id}
      data-testid={testId}
    >
      <header className="insp-head">
        <h3 id={id} className="insp-title">
          {title}
        </h3>
        {subtitle !== undefined && <p className="insp-subtitle">{subtitle}</p>}
      </header>
      {children}
    </article>
  );
}

/** A resourceVersion as code-styled text ("—" when there is none). */
export function Rv({ rv }: { readonly rv: string | number | null }): ReactNode {
  if (rv === null || rv === '') return <span className="insp-dim">—</span>;
  return <code className="insp-rv">{rv}</code>;
}
