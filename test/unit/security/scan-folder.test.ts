/** Which folders may be scan folders, and the realpath guard on every write into the output folders. */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moveInto, OutsideScanFolder, outputsOutside, writeAtomic } from '../../../src-main/doors/inbox/fs-safe.js';
import { checkScanFolder, extensionsChangeProblem, scanFolderPathError, scanFolderProblem } from '../../../src-main/doors/inbox/scan-folder.js';
import { tempDir } from '../../helpers/hub.js';
import { rmSync } from 'node:fs';

const root = tempDir('fiscool-scan-unit-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const RECEIPT = 'S,1,______,_,__;Paine;4.20;1.000;1;1;1;0;0;buc\nT,1,______,_,__;0;\n';

describe('scan folder paths', () => {
  it('must be absolute', () => {
    expect(scanFolderPathError('inp')).toMatch(/^device\.scan_folder: "inp" is not an absolute path/);
    expect(scanFolderPathError('./inp')).not.toBeNull();
    expect(scanFolderPathError('C:\\Bon')).not.toBeNull(); // not absolute on this system
  });
  it('may not be a root, a system folder, a home folder or its documents', () => {
    for (const f of ['/', '/etc', '/etc/fiscool', '/usr/share/x', '/proc/1', '/dev', homedir(), join(homedir(), 'Documents'), join(homedir(), 'Desktop'), tmpdir(), '/home', '/var'])
      expect(scanFolderPathError(f), f).not.toBeNull();
    for (const f of [join(tmpdir(), 'x', 'inp'), join(homedir(), 'FisCool', 'INP'), join(homedir(), 'Documents', 'FisCool'), '/srv/fiscool/inp'])
      expect(scanFolderPathError(f), f).toBeNull();
  });
  it('a link to a system folder is judged by where it leads', async () => {
    const link = join(root, 'to-etc');
    symlinkSync('/etc', link);
    expect(await scanFolderProblem(link)).toMatch(/leads to "\/etc", which is a system folder/);
  });
});

describe('output folders', () => {
  it('a link leading outside is found, and writes through it are refused', async () => {
    const scan = join(root, 'share', 'scan');
    const elsewhere = join(root, 'share', 'elsewhere');
    mkdirSync(scan, { recursive: true });
    mkdirSync(elsewhere, { recursive: true });
    expect(await outputsOutside(scan)).toEqual([]);
    await writeAtomic(scan, 'BonANSWER', 'a.txt', 'ok'); // a real folder is created and used
    symlinkSync(elsewhere, join(scan, 'BonOK'));
    symlinkSync(join(root, 'nowhere'), join(scan, 'BonERR')); // dangling
    expect(await outputsOutside(scan)).toEqual(['BonOK', 'BonERR']);
    await expect(writeAtomic(scan, 'BonOK', 'b.txt', 'x')).rejects.toBeInstanceOf(OutsideScanFolder);
    writeFileSync(join(scan, 'c.inp.processing'), RECEIPT);
    await expect(moveInto(scan, join(scan, 'c.inp.processing'), 'BonOK', 'c.inp')).rejects.toBeInstanceOf(OutsideScanFolder);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(await scanFolderProblem(scan)).toMatch(/BonOK, BonERR in ".*" lead outside the scan folder/);
  });
  it('a link that stays inside the scan folder is fine', async () => {
    const scan = join(root, 'inner');
    mkdirSync(join(scan, 'real-ok'), { recursive: true });
    symlinkSync(join(scan, 'real-ok'), join(scan, 'BonOK'));
    expect(await outputsOutside(scan)).toEqual([]);
    await writeAtomic(scan, 'BonOK', 'x.inp', 'x');
    expect(readdirSync(join(scan, 'real-ok'))).toEqual(['x.inp']);
  });
});

describe('what a new scan folder already holds', () => {
  const opts = { extensions: ['.inp', '.bon'], isNew: true, language: 'en' as const };
  it('INP command files are welcome; other files earn a warning, in the hub language', async () => {
    const f = join(root, 'mixed');
    mkdirSync(f);
    writeFileSync(join(f, 'bon1.inp'), RECEIPT);
    writeFileSync(join(f, 'letter.txt'), 'Dear Sir');
    writeFileSync(join(f, '.hidden'), 'x');
    const r = await checkScanFolder(f, opts);
    expect(r).toEqual({ ok: true, warnings: [expect.objectContaining({ code: 'SCAN_FOLDER_NOT_EMPTY', files: ['letter.txt'], count: 1 })] });
    const ro = await checkScanFolder(f, { ...opts, language: 'ro' });
    expect(ro.ok && ro.warnings[0]?.message).toMatch(/^Dosarul de scanare conține deja 1 fișiere/);
    expect(await checkScanFolder(f, { ...opts, isNew: false })).toEqual({ ok: true, warnings: [] });
  });
  it('files the inbox would take that are not INP commands refuse the folder; so does such an extension change', async () => {
    const f = join(root, 'letters');
    mkdirSync(f);
    writeFileSync(join(f, 'letter.txt'), 'Dear Sir');
    writeFileSync(join(f, 'bad.inp'), 'hello');
    const r = await checkScanFolder(f, { ...opts, extensions: ['.inp', '.txt'] });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^device\.scan_folder: .*2 file\(s\).*bad\.inp, letter\.txt/) });
    expect(await extensionsChangeProblem([f], ['.inp', '.bon', '.txt'])).toMatch(/^settings\.inbox\.extensions: /);
    expect(await extensionsChangeProblem(['relative/ignored', join(root, 'missing')], ['.txt'])).toBeNull();
    expect(await checkScanFolder('', opts)).toEqual({ ok: true, warnings: [] });
  });
});
