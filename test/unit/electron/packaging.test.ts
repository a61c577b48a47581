/**
 * Packaging checks that run without Electron: the ABI check on real native modules (a better-sqlite3 built for Node
 * fails against Electron's module version), and the electron-builder configuration check (electron-builder's own
 * schema plus FisCool's rules), each shown to fail on a broken input.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkAbi, electronAbi, moduleVersionOf } from '../../../scripts/check-abi.mjs';
// @ts-expect-error plain ESM script without types
import { configProblems, fileListProblems, icnsLargest, loadBuilderConfig, nsisProblem, REQUIRED_IN_ASAR, validateBuilderSchema } from '../../../scripts/check-package.mjs';

const require = createRequire(import.meta.url);
const sqliteNode = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const serialDir = join(dirname(require.resolve('@serialport/bindings-cpp/package.json')), 'prebuilds', 'linux-x64');
const scratch = mkdtempSync(join(tmpdir(), 'fiscool-abi-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of a real addon whose registration symbol says another module version. */
function rebuiltFor(version: number): string {
  const bytes = readFileSync(sqliteNode);
  const from = Buffer.from(`node_register_module_v${process.versions.modules}`);
  const to = Buffer.from(`node_register_module_v${version}`);
  expect(to.length).toBe(from.length);
  let at = bytes.indexOf(from);
  expect(at).toBeGreaterThan(0);
  while (at >= 0) {
    to.copy(bytes, at);
    at = bytes.indexOf(from, at + 1);
  }
  const file = join(scratch, `better_sqlite3-v${version}.node`);
  writeFileSync(file, bytes);
  return file;
}

describe('ABI check', () => {
  const electron = electronAbi();

  it('reads the module version of a V8-API addon and recognises N-API addons', () => {
    expect(moduleVersionOf(sqliteNode)).toEqual({ kind: 'abi', version: Number(process.versions.modules) });
    expect(moduleVersionOf(join(serialDir, '@serialport+bindings-cpp.glibc.node'))).toEqual({ kind: 'napi' });
    expect(electron.abi).toBeGreaterThan(Number(process.versions.modules)); // Electron 45 = 150, Node 20 = 115
  });

  it('fails a better-sqlite3 built for Node against the Electron it would ship with, naming file and versions', () => {
    const dir = mkdtempSync(join(scratch, 'app-'));
    copyFileSync(sqliteNode, join(dir, 'better_sqlite3.node'));
    const r = checkAbi([dir], electron.abi, `Electron ${electron.version}`, dir);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      `better_sqlite3.node: built for NODE_MODULE_VERSION ${process.versions.modules}, but Electron ${electron.version} loads ${electron.abi} — rebuild it for Electron ${electron.version} (npm run dist rebuilds native modules with @electron/rebuild)`,
    ]);
  });

  it('passes a module built for the shipped runtime, and N-API modules for any', () => {
    const forElectron = rebuiltFor(electron.abi);
    expect(checkAbi([forElectron, serialDir], electron.abi).ok).toBe(true);
    expect(checkAbi([forElectron], Number(process.versions.modules)).ok).toBe(false);
    expect(checkAbi([sqliteNode], Number(process.versions.modules)).ok).toBe(true);
  });
});

describe('electron-builder configuration check', () => {
  it('the repository’s configuration passes electron-builder’s schema and FisCool’s rules', async () => {
    const config = await loadBuilderConfig();
    await validateBuilderSchema(config);
    expect(configProblems(config)).toEqual([]);
    expect(config.nsis.perMachine).toBe(true);
    expect(icnsLargest(readFileSync('assets/icon.icns'))).toBeGreaterThanOrEqual(512);
  });

  it('electron-builder’s schema refuses a misspelt option', async () => {
    const config = await loadBuilderConfig();
    await expect(validateBuilderSchema({ ...config, nsis: { ...config.nsis, perMachin: true } })).rejects.toThrow(/configuration\.nsis/);
  });

  it('FisCool’s rules catch a per-user installer, a small mac icon, no rebuild and a deb script electron-builder would choke on', async () => {
    const config = await loadBuilderConfig();
    writeFileSync(join(scratch, 'after.tpl'), 'usermod -a -G dialout ${who} # uaccess\n');
    const broken = { ...config, nsis: { ...config.nsis, perMachine: false }, mac: { ...config.mac, icon: 'assets/icons/256x256.png' }, npmRebuild: false, deb: { ...config.deb, afterInstall: join(scratch, 'after.tpl') }, asarUnpack: [] };
    const problems: string[] = configProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('nsis.perMachine'),
        expect.stringContaining('mac.icon'),
        expect.stringContaining('npmRebuild'),
        expect.stringContaining('macros who'),
        expect.stringContaining('asarUnpack'),
      ]),
    );
  });

  it('the packed file list check wants the app’s files and refuses sources, tests and dev tools', () => {
    const natives = ['x/node_modules/better-sqlite3/build/Release/better_sqlite3.node'];
    expect(fileListProblems([...REQUIRED_IN_ASAR], natives)).toEqual([]);
    const bad = fileListProblems([...REQUIRED_IN_ASAR.filter((f: string) => !f.endsWith('main.js')), '/src-main/service.ts', '/node_modules/vitest/package.json', '/dist/main/service.js.map'], []);
    expect(bad).toEqual(
      expect.arrayContaining([
        'missing from app.asar: /dist/main/electron/main.js',
        'should not be packed: /src-main/service.ts',
        'should not be packed: /node_modules/vitest/package.json',
        'should not be packed: /dist/main/service.js.map',
        'better_sqlite3.node is not in app.asar.unpacked',
      ]),
    );
  });
});

describe('NSIS additions', () => {
  it('build/installer.nsh compiles with makensis, and a broken copy does not', () => {
    expect(nsisProblem()).toBeNull();
    const dir = mkdtempSync(join(scratch, 'nsis-'));
    cpSync('build', join(dir, 'build'), { recursive: true });
    const nsh = readFileSync(join(dir, 'build', 'installer.nsh'), 'utf8').replace('!macro customInstall', '!macro customInstall\n  ${IfThisIsNotAMacro} 1');
    writeFileSync(join(dir, 'build', 'installer.nsh'), nsh);
    expect(nsisProblem(dir)).toMatch(/does not compile/);
  });
});
