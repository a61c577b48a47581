/** What a wire endpoint (TCP, serial) serves: any emulator front-end that talks to a byte stream. */
import type { Duplex } from 'node:stream';

export interface LinkHooks {
  /** Make the device unreachable for `durationMs` (TCP: close the socket and refuse; serial: go silent). */
  disconnect(durationMs: number): void;
}

export interface WireFrontEnd {
  /** Serve one host connection; returns a function that stops serving it (without closing it). */
  attach(link: Duplex, hooks: LinkHooks): () => void;
}
