/**
 * The Datecs codec as the fuzzer sees it. This is the only file that names the codec's folder: when the codec moves
 * (as it did from src-main/drivers/datecs/codec/ to src-main/protocols/datecs/), change the folder here only.
 */
export { FrameScanner } from '../../src-main/protocols/datecs/scanner.js';
export { decodePacket, encodePacket, FRAMINGS, type Framing, type Direction } from '../../src-main/protocols/datecs/frame.js';
export { buildXReply, parseXReply, splitClassic, splitX } from '../../src-main/protocols/datecs/params.js';
export { decodeStatus, encodeStatus } from '../../src-main/protocols/datecs/status.js';
export { fromDatecsDateTime, parseAmount, parseQuantity } from '../../src-main/protocols/datecs/values.js';
export { decodeText } from '../../src-main/protocols/datecs/text.js';
