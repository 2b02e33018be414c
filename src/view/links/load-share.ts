/**
 * Loads ./share-link.ts (and with it the link codec) on demand. Buttons that need it start the load
 * when the pointer or the focus comes near (`warmShare`), so that by the click it is usually there and
 * the click's work (the clipboard, a new window) runs at once, within the browser's user activation.
 */
type ShareModule = typeof import('./share-link');

let loaded: ShareModule | null = null;
let loading: Promise<ShareModule> | null = null;

/** The module, loading it first if needed (a failed load is tried again on the next call). */
export function loadShare(): Promise<ShareModule> {
  if (loaded !== null) return Promise.resolve(loaded);
  if (loading === null) {
    const p = import('./share-link').then((m) => {
      loaded = m;
      return m;
    });
    loading = p;
    p.catch(() => {
      if (loading === p) loading = null;
    });
  }
  return loading;
}

/** The module if it has loaded, else null. */
export function loadedShare(): ShareModule | null {
  return loaded;
}

/** Starts loading the module (pointer or focus near a button that will need it). */
export function warmShare(): void {
  void loadShare().catch(() => undefined);
}
