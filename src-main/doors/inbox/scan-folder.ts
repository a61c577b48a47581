/**
 * Which folders may be scan folders (checked when a device is saved, and again before the inbox watches one):
 * absolute paths only — a relative one would depend on where the hub was started; never a system folder, the
 * file-system root, a home folder or its usual document folders — the inbox moves what it takes; output folders
 * (BonOK, BonANSWER, BonERR) that lead outside are refused. A new folder that already holds files the inbox would
 * take but that are not INP commands is refused (they would end in BonERR with an error block appended); other
 * files only earn a warning (they are left alone, but a scan folder should be the program's own).
 */
import { promises as fsp } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import type { Language } from '../../domain/error-codes.js';
import { PROCESSING, outputsOutside } from './fs-safe.js';
import { parseInp } from './parser/parse-inp.js';

export interface ScanFolderWarning {
  code: 'SCAN_FOLDER_NOT_EMPTY';
  field: string;
  message: string;
  /** The files concerned (at most 20 names) and how many there are. */
  files: string[];
  count: number;
}

export type ScanFolderCheck = { ok: true; warnings: ScanFolderWarning[] } | { ok: false; error: string };

const WIN = process.platform === 'win32';
const p = WIN ? path.win32 : path.posix;
const fold = (s: string) => (WIN || process.platform === 'darwin' ? s.toLowerCase() : s);

/** Folders (and everything below them) that belong to the operating system. */
function systemTrees(): string[] {
  if (WIN) {
    const env = process.env;
    return [env.SystemRoot ?? 'C:\\Windows', env.ProgramFiles ?? 'C:\\Program Files', env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)'];
  }
  return ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/libx32', '/proc', '/run', '/sbin', '/sys', '/usr', '/System', '/Library', '/Applications', '/private/etc', '/var/lib', '/var/log', '/var/run', '/var/cache'];
}

/** Folders that may hold anything (the roots people keep their files in): refused themselves, fine below. */
function sharedRoots(): string[] {
  const home = homedir();
  const personal = ['Desktop', 'Documents', 'Downloads', 'Pictures', 'Music', 'Videos', 'Documente', 'Descărcări', 'Imagini', 'Muzică', 'Videoclipuri', 'OneDrive'];
  const roots = [home, ...personal.map((d) => p.join(home, d)), tmpdir()];
  if (WIN) roots.push(process.env.ProgramData ?? 'C:\\ProgramData', process.env.PUBLIC ?? 'C:\\Users\\Public', 'C:\\Users');
  else roots.push('/home', '/Users', '/root', '/tmp', '/var', '/var/tmp', '/mnt', '/media', '/opt', '/srv', '/usr/local', '/Volumes');
  return roots;
}

/** Why `folder` (absolute) cannot be a scan folder, or null. */
export function forbiddenFolderReason(folder: string): string | null {
  const f = fold(p.resolve(folder));
  if (p.parse(f).root === f) return 'is the root of a drive or of the file system';
  for (const t of systemTrees()) {
    const tree = fold(p.resolve(t));
    if (f === tree || f.startsWith(tree + p.sep)) return `is a system folder (${t})`;
  }
  const home = fold(p.resolve(homedir()));
  if (home.startsWith(f + p.sep)) return 'contains the home folders';
  for (const r of sharedRoots()) if (f === fold(p.resolve(r))) return 'is a home, documents or shared folder; use a folder of its own inside it (e.g. …/FisCool/INP)';
  return null;
}

/** Lexical checks (no file system): absolute, and not a forbidden folder. */
export function scanFolderPathError(folder: string, field = 'device.scan_folder'): string | null {
  if (!p.isAbsolute(folder)) {
    return `${field}: "${folder}" is not an absolute path; give the full path of a folder used only for INP files (e.g. ${WIN ? 'C:\\FisCool\\INP' : '/srv/fiscool/inp'})`;
  }
  const why = forbiddenFolderReason(folder);
  return why ? `${field}: "${folder}" ${why}` : null;
}

/** Everything that can be said before watching `folder`: path rules, the real path's rules, output folders. */
export async function scanFolderProblem(
  folder: string,
  field = 'device.scan_folder',
  opts: { outputs?: boolean } = {},
): Promise<string | null> {
  const lexical = scanFolderPathError(folder, field);
  if (lexical) return lexical;
  let real: string | null = null;
  try {
    real = await fsp.realpath(folder);
  } catch {
    return null; // does not exist yet: the inbox creates it
  }
  if (!(await fsp.stat(real)).isDirectory()) return `${field}: "${folder}" is not a folder`;
  if (real !== p.resolve(folder)) {
    const why = forbiddenFolderReason(real);
    if (why) return `${field}: "${folder}" leads to "${real}", which ${why}`;
  }
  if (opts.outputs === false) return null;
  const outside = await outputsOutside(folder);
  if (outside.length > 0) {
    return `${field}: ${outside.join(', ')} in "${folder}" ${outside.length === 1 ? 'leads' : 'lead'} outside the scan folder (a symbolic link?); FisCool writes only inside it — replace ${outside.length === 1 ? 'it' : 'them'} with ${outside.length === 1 ? 'a real folder' : 'real folders'}`;
  }
  return null;
}

const SNIFF_BYTES = 256 * 1024;

async function isInpCommands(file: string, size: number): Promise<boolean> {
  if (size === 0 || size > SNIFF_BYTES) return false;
  try {
    return parseInp(await fsp.readFile(file)).ok;
  } catch {
    return false;
  }
}

/** The files already in `folder` that are not INP commands: those the inbox would take, and the others. */
export async function survey(folder: string, extensions: readonly string[]): Promise<{ taken: string[]; other: string[] }> {
  const out = { taken: [] as string[], other: [] as string[] };
  let entries;
  try {
    entries = await fsp.readdir(folder, { withFileTypes: true });
  } catch {
    return out;
  }
  const exts = extensions.map((e) => e.toLowerCase());
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!e.isFile() || e.name.startsWith('.') || e.name.endsWith(PROCESSING)) continue;
    const full = p.join(folder, e.name);
    const candidate = exts.includes(p.extname(e.name).toLowerCase());
    if (candidate && (await isInpCommands(full, (await fsp.stat(full)).size))) continue;
    (candidate ? out.taken : out.other).push(e.name);
  }
  return out;
}

const listOf = (names: string[]) => names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');

/** The save-time check of a device's scan folder. `isNew`: the device did not watch this folder before. */
export async function checkScanFolder(
  folder: string | undefined,
  opts: { extensions: readonly string[]; isNew: boolean; language: Language },
): Promise<ScanFolderCheck> {
  const f = folder?.trim() ?? '';
  if (f === '') return { ok: true, warnings: [] };
  const problem = await scanFolderProblem(f);
  if (problem) return { ok: false, error: problem };
  if (!opts.isNew) return { ok: true, warnings: [] };
  const { taken, other } = await survey(f, opts.extensions);
  if (taken.length > 0) {
    return {
      ok: false,
      error: `device.scan_folder: "${f}" already holds ${taken.length} file(s) that are not INP commands but end in ${opts.extensions.join('/')} (${listOf(taken)}); FisCool would move them to BonERR — choose an empty folder or move them away first`,
    };
  }
  if (other.length === 0) return { ok: true, warnings: [] };
  const ro = opts.language === 'ro';
  return {
    ok: true,
    warnings: [
      {
        code: 'SCAN_FOLDER_NOT_EMPTY',
        field: 'device.scan_folder',
        count: other.length,
        files: other.slice(0, 20),
        message: ro
          ? `Dosarul de scanare conține deja ${other.length} fișiere care nu sunt comenzi INP (${listOf(other)}). FisCool nu le atinge, dar un dosar de scanare ar trebui folosit doar de programul de vânzări.`
          : `The scan folder already holds ${other.length} files that are not INP commands (${listOf(other)}). FisCool leaves them alone, but a scan folder should be used by the sales program only.`,
      },
    ],
  };
}

/**
 * A change of `inbox.extensions` that would make the inbox take files already in a watched folder that are not INP
 * commands (adding `.txt` to a folder of letters): the refusal naming the field, or null.
 */
export async function extensionsChangeProblem(folders: readonly string[], extensions: readonly string[]): Promise<string | null> {
  for (const folder of folders) {
    if (scanFolderPathError(folder) !== null) continue; // not watched anyway
    const { taken } = await survey(folder, extensions);
    if (taken.length > 0) {
      return `settings.inbox.extensions: the scan folder "${folder}" holds ${taken.length} file(s) that are not INP commands and that these extensions would take (${listOf(taken)}); FisCool would move them to BonERR — move them away first`;
    }
  }
  return null;
}
