#!/usr/bin/env node
// `npm run dist` builds the installers with electron-builder and @electron/rebuild, which need Node >= 22.12
// (their `engines`). The hub itself runs on Node >= 20.19 (package.json `engines`), so this is checked here, where
// packaging starts, with a clear message instead of a failure halfway through.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `npm run dist needs Node >= 22.12 for Electron's packaging tools (this is Node ${process.version}).\n` +
      'The hub, its tests and `npm run hub` work on Node >= 20.19; only building installers needs the newer Node.',
  );
  process.exit(1);
}
