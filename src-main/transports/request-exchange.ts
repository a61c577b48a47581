/**
 * A request/response exchange over a byte link, for any framed byte protocol: requests go out one at a time (FIFO),
 * one waiter at a time watches what comes back through a scanner (bytes → protocol events) and a matcher (event →
 * what it means for this request), and the wait timer is re-armed on activity so a slow line or a busy device does
 * not time out. The protocol's own policy (SEQ, resends, NAK/SYN meaning) stays in its session, above this.
 * Frames written and events seen are logged as hex at debug level.
 */
import type { ByteLink } from './byte-link.js';

/** How a protocol event bears on the request being waited for. */
export type Verdict<A> =
  | { kind: 'answer'; value: A } // the answer: done
  | { kind: 'busy' } // the device is still working: keep waiting (re-arm)
  | { kind: 'refused' } // the device refused the frame unread (e.g. NAK): done
  | { kind: 'bad' } // a damaged answer: done
  | { kind: 'ignore' }; // not about this request (a stale answer): keep waiting

export type WaitOutcome<A> =
  | { kind: 'answer'; value: A }
  | { kind: 'refused' | 'bad' | 'timeout' | 'down' | 'too_busy' };

export interface FrameScannerLike<E> {
  push(bytes: Buffer): E[];
  reset(): void;
}

export interface ExchangeLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
}

export class RequestExchange<E> {
  #queue: Promise<unknown> = Promise.resolve();
  #waiter: ((ev: { type: 'event'; ev: E } | { type: 'byte' } | { type: 'down' }) => void) | null = null;
  readonly #offs: Array<() => void> = [];

  constructor(
    private readonly link: ByteLink,
    private readonly scanner: FrameScannerLike<E>,
    private readonly logger?: ExchangeLogger,
    private readonly name = 'link',
  ) {
    this.#offs.push(
      link.onData((b) => {
        if (this.logger) this.logger.debug({ link: this.name, rx: b.toString('hex') }, 'frame in');
        const events = this.scanner.push(b);
        this.#waiter?.({ type: 'byte' });
        for (const ev of events) this.#waiter?.({ type: 'event', ev });
      }),
      link.onState((s) => {
        if (s !== 'connected') {
          this.scanner.reset();
          this.#waiter?.({ type: 'down' });
        }
      }),
    );
  }

  dispose(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Run `work` alone: requests through one exchange never overlap. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Write one frame (false when the link is down). */
  write(frame: Buffer): boolean {
    if (this.logger) this.logger.debug({ link: this.name, tx: frame.toString('hex') }, 'frame out');
    return this.link.write(frame);
  }

  /**
   * Wait for the answer to the frame just written. `timeoutMs`: silence that counts as no answer (re-armed by every
   * byte and every `busy` event); `maxBusyMs`: longest the whole wait may take while the device keeps saying busy.
   * A dropped link ends the wait after `timeoutMs` (so a flapping link does not burn every attempt at once).
   */
  awaitAnswer<A>(match: (ev: E) => Verdict<A>, timeoutMs: number, maxBusyMs: number): Promise<WaitOutcome<A>> {
    return new Promise((resolve) => {
      const started = Date.now();
      let timer: NodeJS.Timeout;
      const finish = (r: WaitOutcome<A>) => {
        clearTimeout(timer);
        this.#waiter = null;
        resolve(r);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
      };
      const activity = () => (Date.now() - started > maxBusyMs ? finish({ kind: 'too_busy' }) : arm());
      arm();
      this.#waiter = (e) => {
        if (e.type === 'byte') return activity();
        if (e.type === 'down') {
          clearTimeout(timer);
          timer = setTimeout(() => finish({ kind: 'down' }), timeoutMs);
          return;
        }
        const v = match(e.ev);
        if (v.kind === 'answer') finish({ kind: 'answer', value: v.value });
        else if (v.kind === 'busy') activity();
        else if (v.kind === 'refused' || v.kind === 'bad') finish({ kind: v.kind });
      };
    });
  }
}
