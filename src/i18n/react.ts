/** React binding of the active language: `useLang()` re-renders its component when the language changes. */
import { useSyncExternalStore } from 'react';
import { getLanguage, type Lang, subscribeLanguage } from './index';

const serverSnapshot = (): Lang => 'en';

export function useLang(): Lang {
  return useSyncExternalStore(subscribeLanguage, getLanguage, serverSnapshot);
}
