#!/usr/bin/env node
// The ABI check: every native module (.node) shipped must match the runtime that will load it.
//   node scripts/check-abi.mjs <dir-or-file>... [--electron <version>] [--node]
// A V8-API addon (better-sqlite3) exports `node_register_module_v<N>`, N being the NODE_MODULE_VERSION it was built
// for: it loads only under that N (Electron 45 = 150, Node 20 = 115). An N-API addon (serialport) exports
// `napi_register_module_v1` and loads under any. Other files are probed by loading them in a child Node, whose
// error names their version. Exits 1 naming each mismatching file. electron-builder runs it after packing
// (build/after-pack.cjs), so a package whose better-sqlite3 was built for Node instead of Electron never ships.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a .node file says about the runtime it needs. */
export function moduleVersionOf(file) {
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  const abi = /node_register_module_v(\d+)/.exec(text);
  if (abi) return { kind: 'abi', version: Number(abi[1]) };
  if (text.includes('napi_register_module_v1') || text.includes('node_api_module_get_api_version_v1')) return { kind: 'napi' };
  return probe(file);
}

/** Load it in a child Node: success = Node's own version; the refusal message names the file's. */
function probe(file) {
  const code = `try { process.dlopen({ exports: {} }, ${JSON.stringify(resolve(file))}); console.log('loaded') } catch (e) { console.log(e.message) }`;
  let out;
  try {
    out = execFileSync(process.execPath, ['-e', code], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return { kind: 'unknown', reason: 'could not be probed' };
  }
  if (out.startsWith('loaded')) return { kind: 'abi', version: Number(process.versions.modules) };
  const m = /NODE_MODULE_VERSION (\d+)\. This version of Node\.js requires/.exec(out);
  if (m) return { kind: 'abi', version: Number(m[1]) };
  if (/did not self-register/.test(out)) return { kind: 'not-addon' };
  return { kind: 'unknown', reason: out.trim().split('\n')[0] };
}

/** NODE_MODULE_VERSION of an Electron version: the electron package's own abi_version, else node-abi's table. */
export function electronAbi(version, root = process.cwd()) {
  const require = createRequire(join(root, 'package.json'));
  try {
    const pkgFile = require.resolve('electron/package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    const abiFile = join(pkgFile, '..', 'abi_version');
    if ((version === undefined || pkg.version === version) && existsSync(abiFile)) return { version: pkg.version, abi: Number(readFileSync(abiFile, 'utf8').trim()) };
  } catch {
    // no electron package: node-abi below
  }
  if (version === undefined) throw new Error('no Electron version given and no electron package installed');
  const nodeAbi = require('node-abi');
  return { version, abi: Number(nodeAbi.getAbi(version, 'electron')) };
}

export function nodeFiles(paths) {
  const out = [];
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else if (p.endsWith('.node')) out.push(p);
  };
  for (const p of paths) walk(p);
  return out.sort();
}

/**
 * Check every .node under `paths` against `expectedAbi`. Returns { ok, results, problems }; `problems` are
 * sentences naming the file and both versions.
 */
export function checkAbi(paths, expectedAbi, runtime = `ABI ${expectedAbi}`, base = process.cwd()) {
  const results = nodeFiles(paths).map((file) => ({ file: relative(base, file), ...moduleVersionOf(file) }));
  const problems = results
    .filter((r) => (r.kind === 'abi' && r.version !== expectedAbi) || r.kind === 'unknown')
    .map((r) =>
      r.kind === 'abi'
        ? `${r.file}: built for NODE_MODULE_VERSION ${r.version}, but ${runtime} loads ${expectedAbi} — rebuild it for ${runtime} (npm run dist rebuilds native modules with @electron/rebuild)`
        : `${r.file}: cannot tell which runtime it was built for (${r.reason})`,
    );
  return { ok: problems.length === 0, results, problems };
}

function main(argv) {
  const paths = [];
  let electron;
  let forNode = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--electron') electron = argv[++i];
    else if (argv[i] === '--node') forNode = true;
    else paths.push(argv[i]);
  }
  if (paths.length === 0) {
    console.error('usage: node scripts/check-abi.mjs <dir-or-file>... [--electron <version>] [--node]');
    return 2;
  }
  const target = forNode ? { abi: Number(process.versions.modules), name: `Node ${process.version}` } : (() => {
    const e = electronAbi(electron);
    return { abi: e.abi, name: `Electron ${e.version}` };
  })();
  const r = checkAbi(paths, target.abi, target.name);
  for (const x of r.results) console.log(`${x.kind === 'abi' ? `v${x.version}` : x.kind}\t${x.file}`);
  if (!r.ok) {
    console.error(`ABI check failed for ${target.name} (NODE_MODULE_VERSION ${target.abi}):\n  ${r.problems.join('\n  ')}`);
    return 1;
  }
  console.log(`ABI check passed: ${r.results.length} native module(s) fit ${target.name} (NODE_MODULE_VERSION ${target.abi})`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));
