/** Small inline SVG icons for the control buttons (decorative: the buttons carry the names). */
import type { ReactNode } from 'react';

export type IconName = 'play' | 'pause' | 'step-back' | 'step-forward' | 'next-event' | 'run-until' | 'help';

const PATHS: Readonly<Record<IconName, ReactNode>> = {
  play: <path d="M5 3.5v9l8-4.5z" />,
  pause: (
    <>
      <rect x="4" y="3.5" width="3" height="9" rx="0.5" />
      <rect x="9" y="3.5" width="3" height="9" rx="0.5" />
    </>
  ),
  'step-back': (
    <>
      <rect x="3" y="3.5" width="2" height="9" rx="0.5" />
      <path d="M13 3.5v9L6 8z" />
    </>
  ),
  'step-forward': (
    <>
      <path d="M3 3.5v9L10 8z" />
      <rect x="11" y="3.5" width="2" height="9" rx="0.5" />
    </>
  ),
  'next-event': (
    <>
      <path d="M2 4v8l5-4z" />
      <path d="M7 4v8l5-4z" />
      <rect x="12.5" y="3.5" width="1.8" height="9" rx="0.5" />
    </>
  ),
  'run-until': (
    <>
      <path d="M2 4v8l5-4z" />
      <path d="M8 4v8l5-4z" />
    </>
  ),
  help: (
    <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm0 10.6a.9.9 0 1 1 0-1.8.9.9 0 0 1 0 1.8zm1.2-4.2c-.6.4-.7.6-.7 1.1v.3H7.3v-.4c0-.9.3-1.4 1-1.8.6-.4.8-.6.8-1.1 0-.5-.4-.8-1-.8s-1.1.4-1.1 1H5.7C5.8 4.7 6.7 4 8.1 4c1.4 0 2.3.7 2.3 1.9 0 .8-.4 1.4-1.2 2z" />
  ),
};

export function Icon({ name }: { readonly name: IconName }): ReactNode {
  return (
    <svg className="ctl-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {PATHS[name]}
    </svg>
  );
}
