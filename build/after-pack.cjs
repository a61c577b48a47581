// electron-builder afterPack hook: the ABI check (scripts/check-abi.mjs) on the packed app's unpacked native modules.
// Throwing here fails the build, so no installer ships a better-sqlite3 built for Node instead of Electron.
const { join } = require('node:path');
const { existsSync } = require('node:fs');
const { pathToFileURL } = require('node:url');

exports.default = async function afterPack(context) {
  const { checkAbi, electronAbi } = await import(pathToFileURL(join(__dirname, '..', 'scripts', 'check-abi.mjs')).href);
  const productFilename = context.packager.appInfo.productFilename;
  const resources =
    context.electronPlatformName === 'darwin'
      ? join(context.appOutDir, `${productFilename}.app`, 'Contents', 'Resources')
      : join(context.appOutDir, 'resources');
  const unpacked = join(resources, 'app.asar.unpacked');
  if (!existsSync(unpacked)) throw new Error(`ABI check: ${unpacked} is missing: native modules must be outside the asar (asarUnpack)`);
  const version = context.packager.config.electronVersion || context.packager.info.framework.version;
  const { abi } = electronAbi(version, context.packager.projectDir);
  const r = checkAbi([unpacked], abi, `Electron ${version}`, unpacked);
  if (!r.ok) throw new Error(`ABI check failed:\n  ${r.problems.join('\n  ')}`);
  console.log(`  • ABI check passed: ${r.results.length} native module(s) fit Electron ${version} (NODE_MODULE_VERSION ${abi})`);
};
