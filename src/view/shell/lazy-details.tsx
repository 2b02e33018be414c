/**
 * A <details> disclosure whose content is rendered only once it has been opened: a closed panel that
 * follows every frame (the interventions form) then costs nothing per frame until the learner opens it.
 * Once opened it stays mounted, so closing and opening again keeps what was typed in it.
 */
import { type ReactNode, useState } from 'react';

export function LazyDetails(props: {
  readonly className?: string;
  readonly summary: ReactNode;
  readonly children: ReactNode;
}): ReactNode {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className={props.className}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{props.summary}</summary>
      {opened ? props.children : null}
    </details>
  );
}
