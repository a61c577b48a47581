// The architecture's layering rules (docs/architecture.md), one entry per layer. eslint.config.js turns each into a
// `no-restricted-imports` block; test/unit/architecture/layering.test.ts feeds ESLint one violation per rule.
const nodeBuiltins = ['node:*', 'fs', 'path', 'net', 'http', 'https', 'child_process', 'os', 'crypto', 'stream', 'events', 'timers'];
const everythingBut = (...allowed) =>
  ['pipeline', 'doors', 'drivers', 'devices', 'journal', 'transports', 'emulators', 'protocols', 'hub', 'settings', 'events', 'electron', 'shared', 'ops']
    .filter((l) => !allowed.includes(l))
    .map((l) => `**/${l}/**`);

/** @type {Array<{ name: string; files: string[]; ignores?: string[]; forbid: string[]; pure?: boolean; message: string; example: string }>} */
export const LAYERS = [
  {
    name: 'domain',
    files: ['src-main/domain/**'],
    forbid: everythingBut(),
    pure: true,
    message: 'domain/ is pure: it imports only domain/ (and zod), no I/O, no Node built-ins.',
    example: 'src-main/domain/x.ts',
  },
  {
    name: 'protocols',
    files: ['src-main/protocols/**'],
    forbid: everythingBut('protocols'),
    pure: true,
    message: 'protocols/ (codecs shared by a driver and its emulator) are pure: they import only domain/ and protocols/.',
    example: 'src-main/protocols/datecs/x.ts',
  },
  {
    name: 'inbox parser',
    files: ['src-main/doors/inbox/parser/**'],
    forbid: everythingBut(),
    pure: true,
    message: 'The INP parser is pure: it imports only domain/.',
    example: 'src-main/doors/inbox/parser/x.ts',
  },
  {
    name: 'shared',
    files: ['src-main/shared/**'],
    forbid: everythingBut('shared', 'settings'),
    pure: true,
    message: 'shared/ is what the GUI may import: types and texts over domain/ only.',
    example: 'src-main/shared/x.ts',
  },
  {
    name: 'pipeline',
    files: ['src-main/pipeline/**'],
    forbid: ['**/doors/**', '**/drivers/**', '**/transports/**', '**/emulators/**', '**/protocols/**', '**/hub/**'],
    message: 'The pipeline imports no doors, drivers, transports, emulators or the hub: it sees devices through their contracts.',
    example: 'src-main/pipeline/x.ts',
  },
  {
    name: 'devices',
    files: ['src-main/devices/**'],
    forbid: ['**/doors/**', '**/pipeline/**', '**/hub/**'],
    message: 'devices/ imports no doors, no pipeline and not the hub.',
    example: 'src-main/devices/x.ts',
  },
  {
    name: 'drivers',
    files: ['src-main/drivers/**'],
    forbid: ['**/doors/**', '**/pipeline/**', '**/hub/**', '**/devices/**', '!**/devices/family.js'],
    message: 'Drivers never import doors, the pipeline, the hub or the device registry (only the family contract).',
    example: 'src-main/drivers/x/driver.ts',
  },
  {
    name: 'emulators',
    files: ['src-main/emulators/**'],
    forbid: ['**/drivers/**', '**/doors/**', '**/pipeline/**', '**/hub/**', '**/devices/**'],
    message: 'Emulators import protocols/ and domain/, never drivers (they judge the drivers), doors, the pipeline or the hub.',
    example: 'src-main/emulators/x/emulator.ts',
  },
  {
    name: 'transports',
    files: ['src-main/transports/**'],
    forbid: ['**/doors/**', '**/pipeline/**', '**/hub/**', '**/drivers/**', '**/devices/**', '**/emulators/**'],
    message: 'Transports are bytes only: they import no drivers, devices, emulators, doors, pipeline or hub.',
    example: 'src-main/transports/x.ts',
  },
  {
    name: 'journal',
    files: ['src-main/journal/**'],
    forbid: ['**/doors/**', '**/pipeline/**', '**/hub/**', '**/drivers/**', '**/devices/**', '**/emulators/**', '**/transports/**'],
    message: 'The journal is storage: it imports domain/ only (no pipeline, devices, drivers, doors or hub).',
    example: 'src-main/journal/x.ts',
  },
  {
    name: 'doors',
    files: ['src-main/doors/**'],
    ignores: ['src-main/doors/inbox/parser/**'],
    forbid: ['**/drivers/**', '**/emulators/**', '**/transports/**', '**/protocols/**'],
    message: 'Doors never import drivers, emulators, transports or protocols: they meet the devices in pipeline/ through domain/ types.',
    example: 'src-main/doors/x/app.ts',
  },
  {
    name: 'renderer',
    files: ['src-renderer/**'],
    forbid: [],
    message: 'src-renderer imports only src-main/shared/ (the GUI is an API client).',
    example: 'src-renderer/x.tsx',
  },
];

export { nodeBuiltins };
