/**
 * A plain <textarea> with a line-number gutter (scrolled with it) for scenario YAML. Lines with a
 * problem are marked in the gutter (a "!" as well as colour); `jumpTo` selects a line. Tab keeps its
 * usual meaning (it moves the focus), so the editor never traps the keyboard.
 */
import { forwardRef, type ReactNode, useImperativeHandle, useMemo, useRef } from 'react';

export interface YamlEditorHandle {
  /** Focuses the editor and selects line `line` (1-based). */
  jumpTo(line: number): void;
}

export interface YamlEditorProps {
  readonly id: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** Lines with a problem. */
  readonly problemLines: ReadonlySet<number>;
  readonly describedBy?: string;
  readonly invalid: boolean;
}

export const YamlEditor = forwardRef<YamlEditorHandle, YamlEditorProps>(function YamlEditor(
  { id, value, onChange, problemLines, describedBy, invalid },
  ref,
): ReactNode {
  const area = useRef<HTMLTextAreaElement | null>(null);
  const gutter = useRef<HTMLDivElement | null>(null);
  const count = useMemo(() => value.split('\n').length, [value]);
  useImperativeHandle(ref, () => ({
    jumpTo(line: number) {
      const el = area.current;
      if (el === null) return;
      const lines = el.value.split('\n');
      const n = Math.max(1, Math.min(line, lines.length));
      let start = 0;
      for (let i = 0; i < n - 1; i++) start += lines[i]!.length + 1;
      el.focus();
      el.setSelectionRange(start, start + lines[n - 1]!.length);
      // Bring the line into view: about 1.4em per line.
      const lh = Number.parseFloat(getComputedStyle(el).lineHeight) || 18;
      el.scrollTop = Math.max(0, (n - 3) * lh);
    },
  }));
  return (
    <div className={`sb-editor${invalid ? ' is-invalid' : ''}`}>
      <div className="sb-gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: count }, (_, i) => {
          const n = i + 1;
          const bad = problemLines.has(n);
          return (
            <div key={n} className={bad ? 'sb-ln is-bad' : 'sb-ln'}>
              {bad ? '! ' : ''}
              {n}
            </div>
          );
        })}
      </div>
      <textarea
        ref={area}
        id={id}
        className="sb-text"
        value={value}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.currentTarget.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
});
