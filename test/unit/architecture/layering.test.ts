/**
 * The lint config enforces every layering rule of the architecture: for each layer, ESLint is fed one import the
 * layer may not make (and, for pure layers, a Node built-in) and must refuse it with the layer's own message; an
 * import the layer may make passes. Only src-main/electron/ may import electron.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../eslint-layers.js';

const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function errorsOf(code: string, filePath: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** A module path the pattern `**\/<layer>/**` forbids, as seen from the example file. */
const forbiddenFrom = (pattern: string) => `../../${pattern.replace(/\*\*\//g, '').replace(/\/$/, '')}/x.js`;

describe('layering rules (eslint-layers.js)', () => {
  for (const layer of LAYERS) {
    it(`${layer.name}: a forbidden import is refused with the layer's message`, async () => {
      const target = layer.name === 'renderer' ? '../src-main/domain/x.js' : forbiddenFrom(layer.forbid[0] ?? '');
      const errors = await errorsOf(`import { x } from '${target}';\nexport const y = x;\n`, layer.example);
      expect(errors.join('\n')).toContain(layer.message);
    });
    if (layer.pure) {
      it(`${layer.name}: no Node built-ins`, async () => {
        const errors = await errorsOf(`import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n`, layer.example);
        expect(errors.join('\n')).toContain('no Node built-ins');
      });
    }
    it(`${layer.name}: an allowed import passes`, async () => {
      const allowed = layer.name === 'renderer' ? '../src-main/shared/x.js' : layer.name === 'domain' || layer.pure ? './x.js' : '../../domain/x.js';
      expect(await errorsOf(`import { x } from '${allowed}';\nexport const y = x;\n`, layer.example)).toEqual([]);
    });
  }

  it('only src-main/electron/ imports electron', async () => {
    expect((await errorsOf(`import { app } from 'electron';\nexport const a = app;\n`, 'src-main/hub/x.ts')).join('\n')).toContain('Only src-main/electron/');
    expect(await errorsOf(`import { app } from 'electron';\nexport const a = app;\n`, 'src-main/electron/x.ts')).toEqual([]);
  });

  it('a driver may use the family contract, but not the device registry', async () => {
    expect(await errorsOf(`import type { FiscalFamily } from '../../devices/family.js';\nexport type F = FiscalFamily;\n`, 'src-main/drivers/x/family.ts')).toEqual([]);
    expect((await errorsOf(`import { DeviceRegistry } from '../../devices/registry.js';\nexport const r = DeviceRegistry;\n`, 'src-main/drivers/x/family.ts')).length).toBe(1);
  });
});
