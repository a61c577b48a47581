/** Datecs registers (X and classic framings over serial or TCP). */
export { createDatecsDriver, DatecsDriver } from './driver.js';
export { detectDatecs, type DetectedDatecs } from './detect.js';
