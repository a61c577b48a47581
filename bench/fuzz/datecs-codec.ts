/**
 * The Datecs codec as the fuzzer sees it. This is the only file that names the codec's folder: when the codec moves
 * (e.g. to src-main/protocols/datecs/), change the folder in the lines below and nothing else.
 */
export { FrameScanner } from '../../src-main/drivers/datecs/codec/scanner.js';
export { decodePacket, encodePacket, FRAMINGS, type Framing, type Direction } from '../../src-main/drivers/datecs/codec/frame.js';
export { buildXReply, parseXReply, splitClassic, splitX } from '../../src-main/drivers/datecs/codec/params.js';
export { decodeStatus, encodeStatus } from '../../src-main/drivers/datecs/codec/status.js';
export { fromDatecsDateTime, parseAmount, parseQuantity } from '../../src-main/drivers/datecs/codec/values.js';
export { decodeText } from '../../src-main/drivers/datecs/codec/text.js';
