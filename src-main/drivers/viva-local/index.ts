export { VivaLocalDriver, VIVA_LOCAL_CAPABILITIES, sessionIdFor } from './driver.js';
export { createVivaLocalDriver, VIVA_LOCAL_DEFAULT_PORT } from './family.js';
export { VivaLocalOptions, parseVivaLocalOptions } from './options.js';
