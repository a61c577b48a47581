/**
 * Headless entry, the production start of the hub: `node dist/main/service.js [serve|backup|restore] [flags]`
 * (developers: `npm run serve -- …`, the same file through tsx). See service-cli.ts for the flags.
 *
 * A hub idles with a small heap: the young generation is capped at 4 MiB semi-spaces (Node's default grows them
 * to 16 MiB, some 25 MB of resident memory that an idle hub never needs). Set before anything else is loaded;
 * FISCOOL_V8_DEFAULTS=1 keeps V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';

if (process.env.FISCOOL_V8_DEFAULTS !== '1') setFlagsFromString('--semi-space-growth-factor=1');

await import('./service-cli.js');
