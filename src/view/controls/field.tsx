/** A labelled form control with its validation message (aria-invalid + aria-describedby). */
import { type ReactNode, useId } from 'react';

export interface FieldProps {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  /** Renders the control with the ids it must carry. */
  readonly children: (ids: {
    readonly id: string;
    readonly describedBy: string | undefined;
    readonly invalid: boolean;
  }) => ReactNode;
}

export function Field({ label, error, hint, children }: FieldProps): ReactNode {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [error !== undefined ? errorId : null, hint !== undefined ? hintId : null]
      .filter((x) => x !== null)
      .join(' ') || undefined;
  return (
    <div className="ctl-form-field">
      <label htmlFor={id} className="ctl-field-label">
        {label}
      </label>
      {children({ id, describedBy, invalid: error !== undefined })}
      {hint !== undefined && (
        <span id={hintId} className="ctl-field-hint">
          {hint}
        </span>
      )}
      {error !== undefined && (
        <span id={errorId} className="ctl-field-error">
          {error}
        </span>
      )}
    </div>
  );
}
