export { SimulatedPosDriver, DEFAULT_POS_TIMEOUT_MS } from './simulated-pos-driver.js';
export { createSimulatedPosDriver } from './create.js';
export { SimulatedPosOptions } from './options.js';
export { simulatedPosFamily } from './family.js';
