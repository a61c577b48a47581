export { PosTerminal, POS_LOG_FILE, type PosTerminalOptions } from './pos-terminal.js';
export { DEFAULT_POS_RULES, DECLINE_TEXT, ruleFor, type PosAnswer, type PosRules, type PosTransaction } from './pos-types.js';
export { slipLines } from './pos-receipt.js';
