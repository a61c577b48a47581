/**
 * A hub process with both compatible doors, for the SIGKILL test: `node --import tsx compat-child.ts <dataDir>`.
 * The simulated register prints with realistic timing. Prints `READY <json>` once listening.
 */
import { startHub } from './harness.js';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: compat-child.ts <dataDir>');
const r = await startHub(dataDir, { options: { timing: 'realistic' } });
process.stdout.write(`READY ${JSON.stringify({ erpUrl: r.erpUrl, ucsUrl: r.ucsUrl, deviceId: r.deviceId })}\n`);
process.on('SIGTERM', () => {
  void r.stop().then(() => process.exit(0));
});
