/** The hub's typed event bus (the contract is shared/events.ts): emitted by the pipeline, devices and doors. */
import { EventEmitter } from 'node:events';
import type { HubEventName, HubEvents } from '../shared/events.js';

export class EventBus {
  readonly #emitter = new EventEmitter();
  constructor() {
    this.#emitter.setMaxListeners(1000);
  }
  emit<K extends HubEventName>(name: K, data: HubEvents[K]): void {
    this.#emitter.emit(name, data);
  }
  on<K extends HubEventName>(name: K, listener: (data: HubEvents[K]) => void): () => void {
    this.#emitter.on(name, listener);
    return () => this.#emitter.off(name, listener);
  }
}
