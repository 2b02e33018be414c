/**
 * "Run until" menu button (WAI-ARIA menu button pattern): the button opens a menu of targets; arrow
 * keys, Home and End move between items, Enter/Space choose, Escape closes and returns focus to the
 * button, Tab or a click outside closes it.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { RunUntil } from '../../engine/model/session';
import { t } from '../../i18n';
import { Icon } from './icons';

export interface RunUntilMenuProps {
  /** The key selected in the figure/inspectors, offered as "<key> reconciled"; null = none selected. */
  readonly selectedKey: string | null;
  readonly disabled?: boolean;
  readonly onRunUntil: (until: RunUntil) => void;
}

interface Item {
  readonly id: string;
  readonly label: string;
  readonly hint: string | null;
  readonly until: RunUntil;
}

/** The menu's entries, in order (exported for tests of the wiring). */
export function runUntilItems(selectedKey: string | null): Item[] {
  const items: Item[] = [
    { id: 'relist', label: t('controls.runUntil.relist'), hint: 'R', until: { kind: 'relist' } },
  ];
  if (selectedKey !== null) {
    items.push({
      id: 'reconciled-selected',
      label: t('controls.runUntil.reconciledKey', { key: selectedKey }),
      hint: null,
      until: { kind: 'reconciled', key: selectedKey },
    });
  }
  items.push(
    {
      id: 'reconciled-any',
      label: t('controls.runUntil.reconciledAny'),
      hint: null,
      until: { kind: 'reconciled', key: null },
    },
    { id: 'quiet', label: t('controls.runUntil.quiet'), hint: 'Q', until: { kind: 'quiet' } },
    { id: 'error', label: t('controls.runUntil.error'), hint: 'E', until: { kind: 'error' } },
  );
  return items;
}

export function RunUntilMenu({ selectedKey, disabled = false, onRunUntil }: RunUntilMenuProps): ReactNode {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const items = runUntilItems(selectedKey);

  useEffect(() => {
    if (!open) return;
    const item = menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active];
    item?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent): void => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  useEffect(() => {
    if (disabled) setOpen(false);
  }, [disabled]);

  const openAt = (index: number): void => {
    setActive(index);
    setOpen(true);
  };
  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const choose = (item: Item): void => {
    close(true);
    onRunUntil(item.until);
  };

  const onButtonKeyDown = (e: KeyboardEvent<HTMLButtonElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      openAt(e.key === 'ArrowDown' ? 0 : items.length - 1);
    }
  };

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const last = items.length - 1;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        setActive((i) => (i >= last ? 0 : i + 1));
        break;
      case 'ArrowUp':
        setActive((i) => (i <= 0 ? last : i - 1));
        break;
      case 'Home':
        setActive(0);
        break;
      case 'End':
        setActive(last);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
    }
    // Keys inside the menu are the menu's: never global shortcuts.
    e.stopPropagation();
  };

  return (
    <div className="ctl-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="ctl-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        <Icon name="run-until" />
        <span>{t('controls.runUntil')}</span>
        <span className="ctl-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={t('controls.runUntil')}
          className="ctl-menu-list"
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item, i) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              aria-keyshortcuts={item.hint ?? undefined}
              tabIndex={i === active ? 0 : -1}
              className="ctl-menu-item"
              onClick={() => choose(item)}
              onMouseEnter={() => setActive(i)}
            >
              <span className="ctl-menu-label" title={item.label}>
                {item.label}
              </span>
              {item.hint !== null && (
                <span className="ctl-kbd" aria-hidden="true">
                  {item.hint}
                </span>
              )}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
