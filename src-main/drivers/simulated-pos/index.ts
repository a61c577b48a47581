export { SimulatedPosDriver, createSimulatedPosDriver, DEFAULT_POS_TIMEOUT_MS } from './simulated-pos-driver.js';
