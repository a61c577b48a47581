/**
 * The Caspos session: `toLogin` before the first request (the device keeps the token), every request as the seed
 * writes it (with the credentials), and on a 401 answer one new login and one retry — a 401 means the device
 * refused the request before doing anything, so the retry is safe. A second 401 is definitive. Requests never go
 * to a log: they carry the password.
 */
import { readAnswer, CasposAnswerError, type CasposAnswer, type Credentials } from '../../protocols/caspos/envelope.js';
import { writeCasposJson, type WValue } from '../../protocols/caspos/json-write.js';
import { simpleRequest } from '../../protocols/caspos/requests.js';
import { CODE_LOGIN, CODE_OK } from '../../protocols/caspos/errors.js';
import { postCaspos, CasposTransportError } from './http-client.js';

export type Request = Record<string, WValue | undefined>;

export interface SessionOptions {
  host: string;
  port: number;
  credentials: Credentials;
  timeoutMs: number;
}

/** The device answered a login with an error (wrong user or password, integration off …). */
export class CasposLoginError extends Error {
  constructor(readonly answer: CasposAnswer) {
    super(`toLogin refused (${answer.code})`);
    this.name = 'CasposLoginError';
  }
}

export class CasposSession {
  #loggedIn = false;
  /** Requests sent, by operation (tests and benches read it). */
  readonly sent = new Map<string, number>();

  constructor(readonly opts: SessionOptions) {}

  get credentials(): Credentials {
    return this.opts.credentials;
  }

  get loggedIn(): boolean {
    return this.#loggedIn;
  }

  /** Send one request (logging in first when needed; once more after a 401). */
  async call(request: Request): Promise<CasposAnswer> {
    if (!this.#loggedIn) await this.login();
    const first = await this.send(request);
    if (first.code !== CODE_LOGIN) return first;
    this.#loggedIn = false;
    await this.login();
    return this.send(request);
  }

  async login(): Promise<void> {
    const a = await this.send(simpleRequest(this.opts.credentials, 'toLogin'));
    if (a.code !== CODE_OK) throw new CasposLoginError(a);
    this.#loggedIn = true;
  }

  /** toLogout: the device drops its token. Best effort (the device may be gone). */
  async logout(): Promise<void> {
    if (!this.#loggedIn) return;
    this.#loggedIn = false;
    try {
      await this.send(simpleRequest(this.opts.credentials, 'toLogout'));
    } catch {
      // a device that is switched off has no session left to end
    }
  }

  /** One exchange; throws CasposTransportError (no or cut answer) or CasposAnswerError (not a Caspos answer). */
  async send(request: Request): Promise<CasposAnswer> {
    const op = String(request.operation);
    this.sent.set(op, (this.sent.get(op) ?? 0) + 1);
    const http = await postCaspos(this.opts, writeCasposJson(request), this.opts.timeoutMs);
    try {
      return readAnswer(http.text);
    } catch (e) {
      if (http.status === 401 || http.status === 403)
        return { code: http.status, message: `HTTP ${http.status}`, data: null };
      if (e instanceof CasposAnswerError) throw new CasposAnswerError(`${e.message} (HTTP ${http.status})`);
      throw e;
    }
  }
}

export { CasposTransportError, CasposAnswerError };
