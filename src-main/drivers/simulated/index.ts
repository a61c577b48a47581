export { SimulatedFiscalDriver, createSimulatedFiscalDriver } from './simulated-driver.js';
export { parseSimulatedOptions, type SimulatedOptions } from './options.js';
export { commandMs, resolveTiming, wireMs, type CommandCost } from './timing.js';
export { toDeviceError } from './error-map.js';
