export { VivaLocalEmulator, type VivaEmulatorOptions, type VivaFaults } from './viva-emulator.js';
export { startControlServer } from './control-server.js';
export { runVivaLocalEmulator, VIVA_LOCAL_USAGE } from './cli-entry.js';
export { businessDay } from './terminal-api.js';
