// Draws the tray icons: a key with a status mark in its lower right corner, at 16 px and 32 px (@2x),
// in colour (Windows, Linux) and as macOS template images (black and alpha, tinted by the menu bar).
// The mark differs in shape as well as colour, so the states stay apart in a template image and for
// colour-blind eyes: none (no mark, dimmed key), active (disc), expiring (ring), expired (cross).
// Also draws the application icon, the same key on a rounded square, into build/icons/ at every size
// electron-builder's targets take (see build/electron-builder.config.cjs).
// Run `node assets/make-icons.mjs` to write the PNGs; the output is deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Shapes are signed distance functions on a 16 × 16 grid: negative inside, positive outside.
const length = (x, y) => Math.hypot(x, y);
const circle = (cx, cy, r) => (x, y) => length(x - cx, y - cy) - r;
const ring = (cx, cy, r, width) => (x, y) => Math.abs(length(x - cx, y - cy) - r) - width / 2;
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const [dx, dy, px, py] = [bx - ax, by - ay, x - ax, y - ay];
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return length(px - t * dx, py - t * dy) - width / 2;
};
const union = (...shapes) => (x, y) => Math.min(...shapes.map((shape) => shape(x, y)));

// The key: its bow at lower left, the shaft rising to the upper right, two teeth facing the mark.
const key = union(ring(4.8, 11.2, 2.6, 2.2), segment(6.8, 9.2, 14, 2, 2.2), segment(11, 5, 12.6, 6.6, 2), segment(13, 3, 14.3, 4.3, 2));
const MARK = { x: 12.3, y: 12.3 };
const marks = {
  none: undefined,
  active: circle(MARK.x, MARK.y, 3.4),
  expiring: ring(MARK.x, MARK.y, 2.6, 1.6),
  expired: union(segment(MARK.x - 2.3, MARK.y - 2.3, MARK.x + 2.3, MARK.y + 2.3, 1.7), segment(MARK.x - 2.3, MARK.y + 2.3, MARK.x + 2.3, MARK.y - 2.3, 1.7)),
};
const GAP = 4.6; // clear space around the mark, so it never touches the key

// Light fill with a dark outline reads on light and dark task bars alike.
const OUTLINE = [40, 40, 40];
const colours = { key: [242, 242, 242], active: [45, 164, 78], expiring: [227, 160, 8], expired: [209, 36, 47] };

/** The colour of one sample point, as [r, g, b, a] with a in 0..1. */
function sample(state, template, x, y) {
  const outline = template ? 0 : 1;
  const ink = (rgb) => (template ? [0, 0, 0, 1] : [...rgb, 1]);
  const mark = marks[state];
  if (mark) {
    const d = mark(x, y);
    if (d < 0) return ink(colours[state]);
    if (d < outline) return [...OUTLINE, 1];
    if (length(x - MARK.x, y - MARK.y) < GAP) return [0, 0, 0, 0];
  }
  const alpha = state === 'none' ? 0.6 : 1;
  const d = key(x, y);
  if (d < 0) return template ? [0, 0, 0, alpha] : [...colours.key, alpha];
  if (d < outline) return [...OUTLINE, alpha];
  return [0, 0, 0, 0];
}

// The application icon on a 16 × 16 grid like the key's: a rounded square inset as macOS draws app
// icons (824 of 1024 px, corners of 185 px), shaded top to bottom, with the key a little inside it.
const roundedSquare = (centre, half, radius) => (x, y) => {
  const [qx, qy] = [Math.abs(x - centre) - half + radius, Math.abs(y - centre) - half + radius];
  return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
const tile = roundedSquare(8, 6.44, 2.9);
const [TOP, BOTTOM] = [[52, 120, 200], [24, 62, 128]];
const KEY_SCALE = 0.66; // the key's grid shrunk about the centre, leaving a margin inside the tile

function sampleAppIcon(x, y) {
  if (key(8 + (x - 8) / KEY_SCALE, 8 + (y - 8) / KEY_SCALE) < 0) return [...colours.key, 1];
  if (tile(x, y) >= 0) return [0, 0, 0, 0];
  const t = (y - 1.56) / 12.88;
  return [...TOP.map((top, i) => Math.round(top + (BOTTOM[i] - top) * t)), 1];
}

/** RGBA pixels of `sample` (on the 16 × 16 grid), each the average of 8 × 8 samples (premultiplied, so edges blend cleanly). */
function render(size, sample) {
  const n = 8;
  const scale = size / 16;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const [r, g, b, a] = sample((px + (i + 0.5) / n) / scale, (py + (j + 0.5) / n) / scale);
          sum[0] += r * a;
          sum[1] += g * a;
          sum[2] += b * a;
          sum[3] += a;
        }
      const offset = (py * size + px) * 4;
      const a = sum[3];
      pixels[offset] = a ? Math.round(sum[0] / a) : 0;
      pixels[offset + 1] = a ? Math.round(sum[1] / a) : 0;
      pixels[offset + 2] = a ? Math.round(sum[2] / a) : 0;
      pixels[offset + 3] = Math.round((a / (n * n)) * 255);
    }
  return pixels;
}

/** A minimal PNG: 8-bit RGBA, no filtering, one IDAT chunk. */
function png(size, pixels) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(crc32(body), body.length + 4);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const folder = dirname(fileURLToPath(import.meta.url));
for (const state of Object.keys(marks))
  for (const template of [false, true])
    for (const [size, suffix] of [[16, ''], [32, '@2x']]) {
      const name = `tray-${state}${template ? 'Template' : ''}${suffix}.png`;
      writeFileSync(join(folder, name), png(size, render(size, (x, y) => sample(state, template, x, y))));
    }

// Linux takes the whole folder (file names carry the size), macOS the 1024 px one, Windows the 256 px one.
const appIcons = join(folder, '..', 'build', 'icons');
mkdirSync(appIcons, { recursive: true });
for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) writeFileSync(join(appIcons, `${size}x${size}.png`), png(size, render(size, sampleAppIcon)));
