#!/usr/bin/env node
// `npm run check:package` (CI): checks the installers' configuration and the packed app without downloading
// Electron or building installers.
//  0. build/installer.nsh (FisCool's NSIS page and install steps) compiles with makensis (Debian package `nsis`).
//  1. electron-builder.yml passes electron-builder's own schema validation, and FisCool's rules hold (per-machine
//     NSIS with its options page, deb with serial-port set-up, AppImage, dmg with a 512 px icon, native modules
//     rebuilt for Electron and ABI-checked after packing, files that exist).
//  2. electron-builder packs the app for Linux (`--dir`) on a stand-in Electron directory, and the file list of the
//     packed app.asar is checked: what the app needs is in it, sources, tests and dev tools are not, every native
//     module sits outside the archive.
//  3. The ABI check runs on that packed output. Without Electron's headers here the native modules cannot be rebuilt
//     for Electron, so it must FAIL, naming better-sqlite3 and both module versions: the proof that the afterPack hook
//     stops a package whose native modules were built for Node. (`--expect-abi pass` where the rebuild works.)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAbi, electronAbi } from './check-abi.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** electron-builder.yml as electron-builder reads it (merged with package.json's "build", if any). */
export async function loadBuilderConfig(dir = root) {
  const { getConfig } = require('app-builder-lib/out/util/config/config.js');
  return getConfig(dir, join(dir, 'electron-builder.yml'), null);
}

/** electron-builder's own schema validation; throws its message on an invalid configuration. */
export async function validateBuilderSchema(config) {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = require('builder-util');
  await validateConfiguration(config, new DebugLogger(false));
}

function pngSize(buf) {
  return buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ? buf.readUInt32BE(16) : 0;
}

/** The largest image in an .icns file (PNG-encoded entries). */
export function icnsLargest(buf) {
  if (buf.subarray(0, 4).toString('ascii') !== 'icns') return 0;
  let best = 0;
  for (let o = 8; o + 8 <= buf.length; ) {
    const len = buf.readUInt32BE(o + 4);
    if (len < 8) break;
    best = Math.max(best, pngSize(buf.subarray(o + 8, o + len)));
    o += len;
  }
  return best;
}

/** The sizes in an .ico file (0 in the directory means 256). */
export function icoSizes(buf) {
  const n = buf.readUInt16LE(4);
  return Array.from({ length: n }, (_, i) => buf[6 + i * 16] || 256);
}

/** FisCool's packaging rules on a loaded configuration; returns the problems (empty = fine). */
export function configProblems(c, dir = root) {
  const p = [];
  const file = (f) => resolve(dir, f);
  const need = (cond, text) => void (cond || p.push(text));
  need(c.nsis?.perMachine === true, 'nsis.perMachine must be true (installed for every account of the shop PC)');
  need(c.nsis?.oneClick === false, 'nsis.oneClick must be false (the installer shows the start-at-login/service page)');
  need(typeof c.nsis?.include === 'string' && existsSync(file(c.nsis.include)), 'nsis.include must name build/installer.nsh');
  if (c.nsis?.include && existsSync(file(c.nsis.include))) {
    const nsh = readFileSync(file(c.nsis.include), 'utf8');
    for (const macro of ['customPageAfterChangeDir', 'customInstall', 'customUnInstall', 'customInit']) need(nsh.includes(`!macro ${macro}`), `${c.nsis.include} lacks !macro ${macro}`);
    need(nsh.includes('start-at-login.json'), `${c.nsis.include} must write start-at-login.json (read by the app)`);
    need(nsh.includes('--headless'), `${c.nsis.include} must offer the background service (--headless)`);
  }
  const linuxTargets = (c.linux?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target));
  need(linuxTargets.includes('deb') && linuxTargets.includes('AppImage'), 'linux.target must include deb and AppImage');
  const after = c.deb?.afterInstall;
  need(typeof after === 'string' && existsSync(file(after)), 'deb.afterInstall must name an existing script');
  if (after && existsSync(file(after))) {
    const s = readFileSync(file(after), 'utf8');
    need(s.includes('uaccess') && s.includes('dialout'), `${after} must set up serial-port access (uaccess rule, dialout)`);
    const macros = [...s.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]).filter((m) => !['executable', 'sanitizedProductName', 'productFilename'].includes(m));
    need(macros.length === 0, `${after}: electron-builder would fail on the macros ${macros.join(', ')} (write shell variables without braces)`);
  }
  const macIcon = c.mac?.icon;
  need(typeof macIcon === 'string' && macIcon.endsWith('.icns') && existsSync(file(macIcon)), 'mac.icon must be an existing .icns');
  if (macIcon && existsSync(file(macIcon))) need(icnsLargest(readFileSync(file(macIcon))) >= 512, `${macIcon}: macOS needs a 512 px (or larger) image`);
  const winIcon = c.win?.icon;
  need(typeof winIcon === 'string' && winIcon.endsWith('.ico') && existsSync(file(winIcon)), 'win.icon must be an existing .ico');
  if (winIcon && existsSync(file(winIcon))) need(icoSizes(readFileSync(file(winIcon))).includes(256), `${winIcon}: Windows needs a 256 px image`);
  need(typeof c.linux?.icon === 'string' && existsSync(file(join(c.linux.icon, '512x512.png'))), 'linux.icon must be a folder with 512x512.png');
  need(c.npmRebuild === true, 'npmRebuild must be true (native modules rebuilt for Electron)');
  need(c.buildDependenciesFromSource === true, 'buildDependenciesFromSource must be true (no prebuilt binary for Node slips in)');
  need(typeof c.afterPack === 'string' && existsSync(file(c.afterPack)), 'afterPack must run the ABI check (build/after-pack.cjs)');
  need((c.asarUnpack ?? []).includes('**/*.node'), 'asarUnpack must include **/*.node');
  need(c.electronFuses?.runAsNode === false, 'electronFuses.runAsNode must be false');
  for (const state of ['ok', 'busy', 'attention', 'error']) need(existsSync(file(`assets/tray/${state}.png`)) && existsSync(file(`assets/tray/${state}@2x.png`)), `assets/tray/${state}.png (+@2x) missing`);
  return p;
}

export const REQUIRED_IN_ASAR = [
  '/package.json',
  '/dist/main/electron/main.js',
  '/dist/main/electron/preload/preload.js',
  '/dist/main/hub/create-hub.js',
  '/dist-renderer/index.html',
  '/assets/tray/ok.png',
  '/assets/tray/error@2x.png',
  '/node_modules/better-sqlite3/package.json',
  '/node_modules/serialport/package.json',
  '/node_modules/express/package.json',
];
export const FORBIDDEN_IN_ASAR = [/^\/src-main\//, /^\/src-renderer\//, /^\/test\//, /^\/bench\//, /^\/docs\//, /^\/scripts\//, /\.map$/, /^\/node_modules\/(electron|electron-builder|vitest|typescript|vite|esbuild|@playwright|playwright|tsx|eslint)\//, /^\/dist\/(test-types|renderer-types|service)\//, /\.tsbuildinfo/];

/** Problems with a packed file list (paths as @electron/asar lists them, plus the unpacked native modules). */
export function fileListProblems(list, unpackedNodeFiles) {
  const p = [];
  const set = new Set(list);
  for (const f of REQUIRED_IN_ASAR) if (!set.has(f)) p.push(`missing from app.asar: ${f}`);
  for (const f of list) for (const re of FORBIDDEN_IN_ASAR) if (re.test(f)) p.push(`should not be packed: ${f}`);
  if (!unpackedNodeFiles.some((f) => f.endsWith('better_sqlite3.node'))) p.push('better_sqlite3.node is not in app.asar.unpacked');
  return [...new Set(p)].slice(0, 50);
}

/** Pack for Linux into `out` with a stand-in Electron (no download, no rebuild, no fuses, no hook). */
export async function packLinuxDir(out) {
  const fakeElectron = mkdtempSync(join(tmpdir(), 'fiscool-fake-electron-'));
  writeFileSync(join(fakeElectron, 'electron'), '#!/bin/sh\necho "stand-in Electron for npm run check:package"\n', { mode: 0o755 });
  writeFileSync(join(fakeElectron, 'LICENSE'), 'stand-in\n');
  mkdirSync(join(fakeElectron, 'resources'));
  const { build, Platform } = require('electron-builder');
  try {
    await build({
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: {
        extends: null,
        ...(await loadBuilderConfig()),
        electronDist: fakeElectron,
        electronVersion: electronAbi(undefined, root).version,
        npmRebuild: false,
        electronFuses: null,
        afterPack: null,
        directories: { output: out, buildResources: 'build' },
      },
    });
  } finally {
    rmSync(fakeElectron, { recursive: true, force: true });
  }
  return join(out, 'linux-unpacked', 'resources');
}

/** Compile build/installer.nsh in a small harness with makensis; returns a problem or null. */
export function nsisProblem(dir = root) {
  const out = join(mkdtempSync(join(tmpdir(), 'fiscool-nsis-')), 'check.exe');
  try {
    execFileSync('makensis', ['-V2', `-DOUT=${out}`, join(dir, 'build', 'windows', 'installer-check.nsi')], { stdio: 'pipe' });
    return null;
  } catch (e) {
    if (e.code === 'ENOENT') return 'makensis not found: install it (Debian: apt-get install nsis) to check build/installer.nsh';
    return `build/installer.nsh does not compile:\n${String(e.stdout ?? '')}${String(e.stderr ?? '')}`;
  } finally {
    rmSync(dirname(out), { recursive: true, force: true });
  }
}

async function main(argv) {
  const expectAbi = argv.includes('--expect-abi') ? argv[argv.indexOf('--expect-abi') + 1] : 'fail';
  const problems = [];
  const nsis = nsisProblem();
  if (nsis) problems.push(nsis);
  else console.log('0. build/installer.nsh compiles with makensis');
  const config = await loadBuilderConfig();
  try {
    await validateBuilderSchema(config);
    console.log('1. electron-builder.yml: valid for electron-builder');
  } catch (e) {
    problems.push(`electron-builder rejects electron-builder.yml: ${e.message}`);
  }
  problems.push(...configProblems(config));
  if (problems.length) return report(problems);
  console.log('   FisCool rules: per-machine NSIS with options page, deb (serial access) + AppImage, dmg icon ≥ 512 px, rebuild + ABI hook');

  if (!existsSync(join(root, 'dist', 'main', 'electron', 'main.js')) || !existsSync(join(root, 'dist-renderer', 'index.html'))) {
    problems.push('dist/ or dist-renderer/ is missing: run `npm run build` first');
    return report(problems);
  }
  const out = mkdtempSync(join(tmpdir(), 'fiscool-pack-'));
  try {
    const resources = await packLinuxDir(out);
    const { listPackage } = require('@electron/asar');
    const list = listPackage(join(resources, 'app.asar'), { isPack: false });
    const unpacked = join(resources, 'app.asar.unpacked');
    const { nodeFiles } = await import('./check-abi.mjs');
    const natives = existsSync(unpacked) ? nodeFiles([unpacked]) : [];
    problems.push(...fileListProblems(list, natives));
    if (problems.length) return report(problems);
    const mb = (statSync(join(resources, 'app.asar')).size / 1048576).toFixed(1);
    console.log(`2. packed file list: ${list.length} entries in app.asar (${mb} MB), ${natives.length} native module(s) unpacked; required files present, no sources/tests/dev tools`);
    const { abi, version } = electronAbi(undefined, root);
    const abiResult = checkAbi([unpacked], abi, `Electron ${version}`, unpacked);
    if (expectAbi === 'fail') {
      const named = abiResult.problems.find((x) => x.includes('better_sqlite3.node') && x.includes(`but Electron ${version} loads ${abi}`));
      if (abiResult.ok || !named) problems.push(`the ABI check should have refused the unrebuilt better-sqlite3: ${JSON.stringify(abiResult.problems)}`);
      else console.log(`3. ABI check refuses the package as it must (native modules built for Node ${process.versions.modules}, not Electron ${abi}):\n   ${named}`);
    } else if (!abiResult.ok) {
      problems.push(...abiResult.problems);
    } else {
      console.log(`3. ABI check passed for Electron ${version}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return report(problems);
}

function report(problems) {
  if (problems.length === 0) {
    console.log('package check passed');
    return 0;
  }
  console.error(`package check failed:\n  - ${problems.join('\n  - ')}`);
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(await main(process.argv.slice(2)));
