/**
 * The window's policy (pure): closing the window hides it (the hub keeps running in the tray) unless the app is
 * quitting; the first hide says so once; started with `--hidden` (login item) the window stays hidden; a second
 * launch shows the running instance's window; `--headless` runs the hub with neither window nor tray.
 */

export type CloseDecision = { action: 'hide'; tellUser: boolean } | { action: 'close' };

export function onWindowClose(s: { quitting: boolean; toldAboutTray: boolean }): CloseDecision {
  if (s.quitting) return { action: 'close' };
  return { action: 'hide', tellUser: !s.toldAboutTray };
}

export interface LaunchMode {
  /** Hub only: no window, no tray (a server, a Windows background task). */
  headless: boolean;
  /** Show the window at start. */
  showWindow: boolean;
  /** `--data-dir DIR` / `--data-dir=DIR` (the Windows background task passes %ProgramData%\FisCool), else null. */
  dataDir: string | null;
}

export function launchMode(argv: readonly string[], env: Record<string, string | undefined> = {}): LaunchMode {
  const headless = argv.includes('--headless');
  const hidden = argv.includes('--hidden') && env.FISCOOL_SHOW_WINDOW !== '1';
  let dataDir: string | null = null;
  argv.forEach((a, i) => {
    if (a === '--data-dir' && argv[i + 1]) dataDir = argv[i + 1] ?? null;
    else if (a.startsWith('--data-dir=')) dataDir = a.slice('--data-dir='.length) || null;
  });
  return { headless, showWindow: !headless && !hidden, dataDir };
}

/** Where a chosen action leaves the window. */
export function windowForAction(kind: 'open' | 'cash' | 'report' | 'inbox' | 'start-at-login' | 'quit'): 'show' | 'keep' {
  return kind === 'open' || kind === 'cash' ? 'show' : 'keep';
}

export function trayHintText(lang: 'ro' | 'en'): { title: string; body: string } {
  return lang === 'ro'
    ? { title: 'FisCool rulează în continuare', body: 'Hubul tipărește mai departe. Deschideți-l din iconița FisCool din bara de sistem.' }
    : { title: 'FisCool keeps running', body: 'The hub goes on printing. Open it again from the FisCool icon in the tray.' };
}
