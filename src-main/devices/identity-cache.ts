/** Last known identity (serial, VAT table) of each fiscal device, kept in the journal so validation works offline. */
import type { Db } from '../journal/journal.js';
import type { DeviceIdentity } from '../domain/driver-contract.js';

export class IdentityCache {
  readonly #mem = new Map<string, DeviceIdentity>();
  readonly #upsert;

  constructor(db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS device_identity (device_id TEXT PRIMARY KEY, identity TEXT NOT NULL, at TEXT NOT NULL)`);
    for (const row of db.prepare(`SELECT device_id, identity FROM device_identity`).all() as Array<{ device_id: string; identity: string }>) {
      this.#mem.set(row.device_id, JSON.parse(row.identity) as DeviceIdentity);
    }
    this.#upsert = db.prepare(
      `INSERT INTO device_identity (device_id, identity, at) VALUES (?, ?, ?)
       ON CONFLICT(device_id) DO UPDATE SET identity = excluded.identity, at = excluded.at`,
    );
  }

  get(id: string): DeviceIdentity | undefined {
    return this.#mem.get(id);
  }

  set(id: string, identity: DeviceIdentity): void {
    const prev = this.#mem.get(id);
    this.#mem.set(id, identity);
    if (JSON.stringify(prev) !== JSON.stringify(identity)) this.#upsert.run(id, JSON.stringify(identity), new Date().toISOString());
  }
}
