/**
 * Sleep until a moment on the performance clock, to a few microseconds: a wire emulator's timing is the yardstick
 * the hub is measured against, and a bare setTimeout wakes up to a millisecond early or late (libuv's loop clock
 * counts whole milliseconds). The timer covers all but the last millisecond and a few event-loop turns
 * (setImmediate, which lets I/O through) cover the rest. Never early.
 */
const SPIN_MS = 1.2;

export function sleepUntil(at: number): Promise<void> {
  if (performance.now() >= at) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      if (performance.now() >= at) resolve();
      else setImmediate(finish);
    };
    const coarse = at - performance.now() - SPIN_MS;
    if (coarse >= 1) setTimeout(finish, Math.floor(coarse));
    else setImmediate(finish);
  });
}
