/**
 * The scan-folder picker's view of the machine: the sub-folders of one folder (names only, no files), its parent and
 * the usual starting points. Read-only; it works the same for a browser against a headless hub.
 */
import { promises as fsp } from 'node:fs';
import { homedir, platform } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';

export interface FolderListing {
  path: string;
  parent: string | null;
  folders: Array<{ name: string; path: string }>;
  roots: string[];
  /** More sub-folders exist than were listed. */
  truncated: boolean;
}

const MAX_FOLDERS = 500;

async function windowsDrives(): Promise<string[]> {
  const letters = 'CDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
  const found = await Promise.all(
    letters.map(async (l) =>
      (await fsp.stat(`${l}:\\`).then(
        () => true,
        () => false,
      ))
        ? `${l}:\\`
        : null,
    ),
  );
  return found.filter((d): d is string => d !== null);
}

export async function listFolders(
  requested: string | undefined,
): Promise<{ ok: true; listing: FolderListing } | { ok: false; error: string }> {
  const path = resolve(requested && requested.trim() ? requested.trim() : homedir());
  let entries;
  try {
    entries = await fsp.readdir(path, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: `path: cannot open "${path}" (${code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (code ?? 'error')})`,
    };
  }
  const names = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('$'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  const root = parse(path).root;
  return {
    ok: true,
    listing: {
      path,
      parent: path === root ? null : dirname(path),
      folders: names.slice(0, MAX_FOLDERS).map((name) => ({ name, path: join(path, name) })),
      roots: [homedir(), ...(platform() === 'win32' ? await windowsDrives() : ['/'])],
      truncated: names.length > MAX_FOLDERS,
    },
  };
}
