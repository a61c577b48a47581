export { VIVA_EVENT, eventInfo, type VivaEventClass } from './event-ids.js';
export * from './messages.js';
export { sessionVerdict, answeredAmount, type SessionVerdict } from './session-verdict.js';
export { vivaSlip } from './slip.js';
export { FISCOOL_SESSION_NAMESPACE, uuidBytes, uuidV5FromDigest, isUuid } from './session-id.js';
