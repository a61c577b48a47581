/**
 * Finding Caspos devices on the shop's network: a Caspos answers any request on port 5544 with its JSON envelope
 * (a numeric `code`; 401 before a login), which nothing else there does. Probes the given hosts in parallel; no
 * credentials are needed or sent.
 */
import { DEFAULT_CASPOS_PORT, readAnswer } from '../../protocols/caspos/envelope.js';
import { writeCasposJson } from '../../protocols/caspos/json-write.js';
import { postCaspos } from './http-client.js';

export interface DetectedCaspos {
  manufacturer: 'Caspos';
  model: 'Caspos Mobile';
  ip_address: string;
  port: number;
  /** The device's answer code to an anonymous request (401: integration on, not logged in; 403: integration off). */
  code: number;
}

export async function detectCaspos(opts: {
  hosts: string[];
  port?: number;
  timeoutMs?: number;
}): Promise<DetectedCaspos[]> {
  const port = opts.port ?? DEFAULT_CASPOS_PORT;
  const probe = async (host: string): Promise<DetectedCaspos | null> => {
    try {
      const http = await postCaspos(
        { host, port },
        writeCasposJson({ operation: 'getShiftStatus' }),
        opts.timeoutMs ?? 1500,
      );
      const a = readAnswer(http.text);
      return { manufacturer: 'Caspos', model: 'Caspos Mobile', ip_address: host, port, code: a.code };
    } catch {
      return null; // nothing there, or not a Caspos
    }
  };
  const found = await Promise.all(opts.hosts.map(probe));
  return found.filter((d): d is DetectedCaspos => d !== null);
}
