/** UI state: the panel mode, notices, selection, theme, and the help dialog. */
import type { PanelMode, SimState, SimStore, Theme, UiSlice } from './types';

export interface UiDefaults {
  readonly theme?: Theme;
  readonly mode?: PanelMode;
}

export function createUiSlice(
  set: SimStore['setState'],
  get: () => SimState,
  defaults: UiDefaults = {},
): UiSlice {
  return {
    mode: defaults.mode ?? 'lesson',
    setMode(mode) {
      if (get().mode !== mode) set({ mode });
    },
    notices: [],
    pushNotice(notice) {
      set({ notices: [...get().notices.filter((n) => n.id !== notice.id), notice] });
    },
    dismissNotice(id) {
      const notices = get().notices;
      if (notices.some((n) => n.id === id)) set({ notices: notices.filter((n) => n.id !== id) });
    },
    selectedKey: null,
    select(key) {
      if (get().selectedKey !== key) set({ selectedKey: key });
    },
    theme: defaults.theme ?? 'system',
    setTheme(theme) {
      set({ theme });
    },
    helpOpen: false,
    setHelpOpen(open) {
      set({ helpOpen: open });
    },
  };
}
