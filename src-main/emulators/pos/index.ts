export { PosTerminal, type PosTerminalOptions, type PosRun, type StartRequest, type StartAnswer, type PosFaults } from './pos-terminal.js';
export { POS_LOG_FILE } from './pos-log.js';
export {
  DEFAULT_POS_RULES,
  DECLINE_TEXT,
  OUTCOME_TEXT,
  ZERO_DELAYS,
  ruleFor,
  type PosDelays,
  type PosRefusal,
  type PosRules,
  type PosStage,
  type PosTransaction,
  type PosTxState,
} from './pos-types.js';
export { slipLines } from './pos-receipt.js';
