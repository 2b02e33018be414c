/**
 * A modal dialog's frame: the backdrop (a click on it closes), the dialog (role=dialog, aria-modal,
 * labelled and described by ids inside it), focus trapped inside and given back on close
 * (useModalFocus), Escape closes, and no key reaches the page's shortcuts. The help dialog and the
 * compare dialog are both this frame around their own content.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { useRef } from 'react';
import { useModalFocus } from './use-modal-focus';
import './controls.css';

export interface ModalProps {
  readonly onClose: () => void;
  readonly labelledBy: string;
  readonly describedBy: string;
  /** Classes besides `ctl-dialog`. */
  readonly className?: string;
  /** Keys besides Escape, seen before they are stopped. */
  readonly onKey?: (e: KeyboardEvent<HTMLDivElement>) => void;
  readonly children: ReactNode;
}

export function Modal({
  onClose,
  labelledBy,
  describedBy,
  className,
  onKey,
  children,
}: ModalProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useModalFocus(true, ref);
  return (
    <div
      className="ctl-backdrop"
      onPointerDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        className={className === undefined ? 'ctl-dialog' : `ctl-dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          } else onKey?.(e);
          e.stopPropagation();
        }}
      >
        {children}
      </div>
    </div>
  );
}
