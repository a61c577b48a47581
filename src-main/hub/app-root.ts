/**
 * The application's root directory (the one holding FisCool's package.json), found from a module's URL by walking
 * up: the same answer from the sources (src-main/…, run by tsx), the compiled build (dist/main/…) and the packaged
 * app (resources/app.asar/dist/main/…).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findAppRoot(fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const name = (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name;
        if (name === 'fiscool') return dir;
      } catch {
        // not ours (or unreadable): keep walking
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`FisCool's package.json not found above ${fileURLToPath(fromUrl)}`);
    dir = up;
  }
}

export const APP_ROOT = findAppRoot(import.meta.url);
