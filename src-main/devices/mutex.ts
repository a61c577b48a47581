/** A tiny FIFO async mutex. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();
  #locked = false;

  get locked(): boolean {
    return this.#locked;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((r) => (release = r));
    await previous;
    this.#locked = true;
    try {
      return await fn();
    } finally {
      this.#locked = false;
      release();
    }
  }
}
