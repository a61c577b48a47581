#!/usr/bin/env node
// Draws FisCool's icons from the shapes of assets/icon.svg (no image tools needed) and writes:
//   assets/icon.png (512 px), assets/icons/<n>x<n>.png (Linux set), assets/icon.ico (Windows, 16–256 px),
//   assets/icon.icns (macOS, 128–1024 px), assets/tray/<state>.png and @2x (one per tray state: the app's
//   receipt with a status dot — green ok, blue busy, amber attention, red error).
// `node scripts/make-icons.mjs` regenerates them; the output is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'assets');

// ---- shapes in the SVG's 64-unit space ------------------------------------------------------------------------
const roundRect = (x, y, w, h, r) => (px, py) => {
  const qx = Math.abs(px - (x + w / 2)) - (w / 2 - r);
  const qy = Math.abs(py - (y + h / 2)) - (h / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r <= 0;
};
const circle = (cx, cy, r) => (px, py) => (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
const polygon = (pts) => (px, py) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255];

const GREEN = hex('#0f6e5a');
const WHITE = hex('#ffffff');
const receipt = polygon([[20, 14], [44, 14], [44, 44], [40, 41], [36, 44], [32, 41], [28, 44], [24, 41], [20, 44]]);
const appLayers = (badge) => [
  [roundRect(4, 4, 56, 56, 12), GREEN],
  [receipt, WHITE],
  [roundRect(25, 21, 14, 3, 1.5), GREEN],
  [roundRect(25, 28, 10, 3, 1.5), GREEN],
  [circle(46, 46, 10.5), WHITE],
  [circle(46, 46, 7.5), badge],
];
const APP = appLayers(hex('#f2b33d'));
const TRAY = {
  ok: appLayers(hex('#2fa35a')),
  busy: appLayers(hex('#2f7de1')),
  attention: appLayers(hex('#f2b33d')),
  error: appLayers(hex('#e0362c')),
};

// ---- raster + PNG ------------------------------------------------------------------------------------------------
function render(layers, size, ss = 4) {
  const out = Buffer.alloc(size * size * 4);
  const scale = 64 / size;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const px = (x + (sx + 0.5) / ss) * scale;
          const py = (y + (sy + 0.5) / ss) * scale;
          let c = null;
          for (const [inside, color] of layers) if (inside(px, py)) c = color;
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 255; }
        }
      const n = ss * ss;
      const o = (y * size + x) * 4;
      // Average of opaque samples (colour) and coverage (alpha).
      const cov = a / 255;
      out[o] = cov ? Math.round(r / cov) : 0;
      out[o + 1] = cov ? Math.round(g / cov) : 0;
      out[o + 2] = cov ? Math.round(b / cov) : 0;
      out[o + 3] = Math.round(a / n);
    }
  return out;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

function png(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function ico(images) {
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + i * 16;
    head[e] = size >= 256 ? 0 : size;
    head[e + 1] = size >= 256 ? 0 : size;
    head.writeUInt16LE(1, e + 4);
    head.writeUInt16LE(32, e + 6);
    head.writeUInt32LE(data.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...images.map((i) => i.data)]);
}

function icns(images) {
  const parts = images.map(({ type, data }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([h, data]);
  });
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

const write = (rel, data) => {
  const file = join(assets, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  console.log(`${rel} (${data.length} bytes)`);
};

const app = new Map();
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) app.set(size, png(render(APP, size, size >= 512 ? 2 : 4), size));
write('icon.png', app.get(512));
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) write(`icons/${size}x${size}.png`, app.get(size));
write('icon.ico', ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: app.get(size) }))));
write('icon.icns', icns([['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]].map(([type, size]) => ({ type, data: app.get(size) }))));
for (const [state, layers] of Object.entries(TRAY)) {
  write(`tray/${state}.png`, png(render(layers, 32), 32));
  write(`tray/${state}@2x.png`, png(render(layers, 64), 64));
}
