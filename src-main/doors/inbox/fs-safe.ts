/**
 * File-system helpers of the inbox: name checks, collision-free names, atomic writes (temp name + rename),
 * and a guard that nothing is ever written outside the scan folder — by name (`inside`) and by where the output
 * folders really lead (`realInside`: BonOK, BonANSWER or BonERR may be symbolic links on a shared folder).
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { stamp } from './answer-files.js';

export const OK_DIR = 'BonOK';
export const ERR_DIR = 'BonERR';
export const ANSWER_DIR = 'BonANSWER';
export const PROCESSING = '.processing';

/** Why a file name from the scan folder cannot be trusted, or null when it is fine. */
export function unsafeNameReason(name: string): string | null {
  if (name !== basename(name) || name.includes('/') || name.includes('\\')) return 'separator';
  if (name.includes('..')) return 'dot-dot';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(name)) return 'control character';
  if (name.length > 200) return 'too long';
  return null;
}

/** A name safe to create inside an output folder (for files whose own name was rejected). */
export function sanitizeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const unsafe = /[/\\\x00-\x1f\x7f]/g;
  const s = name
    .replace(unsafe, '_')
    .replace(/\.{2,}/g, '_')
    .slice(0, 200);
  return s === '' || s === '.' ? '_' : s;
}

/** Resolve `name` inside `dir`, refusing anything that would land outside `root`. */
export function inside(root: string, dir: string, name: string): string {
  const full = resolve(root, dir, name);
  const r = resolve(root);
  if (!full.startsWith(r + sep)) throw new Error(`refusing to write outside the scan folder: ${name}`);
  return full;
}

export class OutsideScanFolder extends Error {
  constructor(readonly dir: string) {
    super(`refusing to write: ${dir} leads outside the scan folder (a symbolic link?)`);
    this.name = 'OutsideScanFolder';
  }
}

/** Is `child` (a real path) `root` or below it? */
function realBelow(root: string, child: string, allowSame: boolean): boolean {
  return (allowSame && child === root) || child.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The real path of `root/dir` when it exists and lies inside the real scan folder; throws OutsideScanFolder when a
 * link takes it elsewhere. Checked right before every write, so a link made after the folder was checked is caught.
 */
export async function realInside(root: string, dir: string): Promise<string> {
  const realRoot = await fsp.realpath(root);
  const real = await fsp.realpath(resolve(root, dir));
  if (!realBelow(realRoot, real, dir === '')) throw new OutsideScanFolder(dir || root);
  return real;
}

/** The output folders that exist and lead outside the scan folder (or are not folders), by name; [] when all is well. */
export async function outputsOutside(root: string): Promise<string[]> {
  const bad: string[] = [];
  let realRoot: string;
  try {
    realRoot = await fsp.realpath(root);
  } catch {
    return []; // not created yet: created on start, its outputs on the first finish
  }
  for (const dir of [OK_DIR, ANSWER_DIR, ERR_DIR]) {
    const p = join(root, dir);
    try {
      await fsp.lstat(p);
    } catch {
      continue; // absent: created (as a real folder) when first needed
    }
    try {
      const real = await fsp.realpath(p);
      if (!realBelow(realRoot, real, false) || !(await fsp.stat(real)).isDirectory()) bad.push(dir);
    } catch {
      bad.push(dir); // a dangling link
    }
  }
  return bad;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** `name` if free in root/dir, else `stem_yyyyMMddHHmmss.ext`, then `stem_yyyyMMddHHmmss_2.ext`, … */
export async function uniqueName(root: string, dir: string, name: string, now: Date): Promise<string> {
  if (!(await exists(inside(root, dir, name)))) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 1; ; i++) {
    const candidate = `${stem}_${stamp(now)}${i > 1 ? `_${i}` : ''}${ext}`;
    if (!(await exists(inside(root, dir, candidate)))) return candidate;
  }
}

/** Write to a hidden temp name in the same folder, fsync, then rename over the final name. */
export async function writeAtomic(root: string, dir: string, name: string, data: Uint8Array | string): Promise<void> {
  const target = inside(root, dir, name);
  await fsp.mkdir(resolve(root, dir), { recursive: true });
  await realInside(root, dir);
  const tmp = inside(root, dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await fsp.open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fsp.rename(tmp, target);
}

export async function moveInto(root: string, from: string, dir: string, name: string): Promise<void> {
  await fsp.mkdir(resolve(root, dir), { recursive: true });
  await realInside(root, dir);
  await fsp.rename(from, inside(root, dir, name));
}

export { exists };
