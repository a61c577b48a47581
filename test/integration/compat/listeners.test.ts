/** The listeners follow the settings: off by default, on when enabled or given a port, moved/stopped on save. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCompatListeners } from '../../../src-main/doors/compat-shared/listeners.js';
import type { CompatContext } from '../../../src-main/doors/compat-shared/context.js';
import { patchSection, startHub, tempDataDir, type Running } from './harness.js';

describe('compatible listeners', () => {
  const d = tempDataDir();
  let r: Running;
  let ctx: CompatContext;
  beforeAll(async () => {
    r = await startHub(d.dir);
    ctx = {
      operations: r.hub.operations,
      devices: r.hub.devices,
      events: r.hub.events,
      settings: () => r.hub.settings.get(),
      logger: r.hub.logger,
      version: r.hub.version,
    };
  });
  afterAll(async () => {
    await r.stop();
    d.remove();
  });

  it('are off by default and follow enabled/port in the settings', async () => {
    const l = await startCompatListeners({ ctx, subscribe: (fn) => r.hub.settings.onChange(() => fn()) });
    try {
      expect(l.addresses()).toEqual({});
      patchSection(r.hub, 'ucsfphub', { enabled: true, port: 0 });
      await l.reconfigure();
      const a = l.addresses().ucsfphub;
      expect(a?.host).toBe('127.0.0.1');
      expect(l.addresses().erpnet).toBeUndefined();
      const res = await fetch(`http://127.0.0.1:${a?.port}/printers/DT518315/status`);
      expect(((await res.json()) as { Ok: boolean }).Ok).toBe(true);
      patchSection(r.hub, 'ucsfphub', { enabled: false });
      await l.reconfigure();
      expect(l.addresses()).toEqual({});
      await expect(fetch(`http://127.0.0.1:${a?.port}/printers`)).rejects.toThrow();
    } finally {
      await l.stop();
    }
  });

  it('a command-line port switches a listener on whatever the settings say', async () => {
    const l = await startCompatListeners({ ctx, erpnetPort: 0 });
    try {
      const a = l.addresses().erpnet;
      expect(a).toBeDefined();
      const list = (await (await fetch(`http://127.0.0.1:${a?.port}/printers`)).json()) as Record<string, unknown>;
      expect(Object.keys(list)).toContain('dt279013');
    } finally {
      await l.stop();
    }
    expect(l.addresses()).toEqual({});
  });
});
