/**
 * Draws the app's install icons from the shapes of public/favicon.svg (a white house with a
 * yellow door on the brand green) and writes them as PNG into public/ — with Node's own zlib,
 * no image package. Run once when the logo changes; the PNGs are committed:
 *
 *   npx tsx dev/pwa/make-icons.ts
 *
 * - pwa-192.png, pwa-512.png: purpose "any" (rounded square, transparent corners);
 * - pwa-maskable-192.png, pwa-maskable-512.png: purpose "maskable" (full-bleed green, the
 *   house inside the central 80 % safe zone, so any mask shape keeps it whole);
 * - apple-touch-icon.png (180 × 180, opaque: iOS adds its own corners).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public');

type Rgba = readonly [number, number, number, number];
const GREEN: Rgba = [0x1f, 0x5f, 0x4a, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const YELLOW: Rgba = [0xf2, 0xc1, 0x4e, 255];

/** A shape in the favicon's 64 × 64 coordinates: is the point inside? */
type Shape = (x: number, y: number) => boolean;

function distanceToSegment(
  px: number,
  py: number,
  [ax, ay]: readonly [number, number],
  [bx, by]: readonly [number, number],
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** A polyline stroked `width` wide with round joins and caps. */
function stroke(points: ReadonlyArray<readonly [number, number]>, width: number): Shape {
  return (x, y) => {
    for (let i = 1; i < points.length; i += 1) {
      const a = points[i - 1];
      const b = points[i];
      if (a && b && distanceToSegment(x, y, a, b) <= width / 2) return true;
    }
    return false;
  };
}

function roundedRect(x0: number, y0: number, w: number, h: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || y < y0 || x > x0 + w || y > y0 + h) return false;
    const cx = Math.min(Math.max(x, x0 + r), x0 + w - r);
    const cy = Math.min(Math.max(y, y0 + r), y0 + h - r);
    return Math.hypot(x - cx, y - cy) <= r;
  };
}

// favicon.svg: roof "M12 34 32 16l20 18", walls "M19 30v18h26V30" (stroke 5), door rect.
const roof = stroke(
  [
    [12, 34],
    [32, 16],
    [52, 34],
  ],
  5,
);
const walls = stroke(
  [
    [19, 30],
    [19, 48],
    [45, 48],
    [45, 30],
  ],
  5,
);
const door = roundedRect(28, 36, 8, 12, 1.5);

interface Layer {
  shape: Shape;
  colour: Rgba;
}

interface IconSpec {
  file: string;
  size: number;
  /** The background: a rounded square (any), or the whole square (maskable, Apple). */
  background: Shape;
  /** How much of the icon's width the 64-unit drawing spans, centred. */
  glyphScale: number;
}

function render({ size, background, glyphScale }: IconSpec): Buffer {
  const SAMPLES = 4; // 4 × 4 samples a pixel: smooth edges
  const glyphOffset = (64 - 64 * glyphScale) / 2;
  const layers: Layer[] = [
    { shape: background, colour: GREEN },
    {
      shape: (x, y) => {
        const gx = (x - glyphOffset) / glyphScale;
        const gy = (y - glyphOffset) / glyphScale;
        return roof(gx, gy) || walls(gx, gy);
      },
      colour: WHITE,
    },
    {
      shape: (x, y) => door((x - glyphOffset) / glyphScale, (y - glyphOffset) / glyphScale),
      colour: YELLOW,
    },
  ];
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = ((px + (sx + 0.5) / SAMPLES) / size) * 64;
          const y = ((py + (sy + 0.5) / SAMPLES) / size) * 64;
          let colour: Rgba | null = null;
          for (const layer of layers) if (layer.shape(x, y)) colour = layer.colour;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += colour[3];
          }
        }
      }
      const n = SAMPLES * SAMPLES;
      const offset = (py * size + px) * 4;
      const alpha = a / n;
      // Colours are averaged over the covered samples only (straight, not premultiplied, alpha).
      const covered = a / 255;
      pixels[offset] = covered ? Math.round(r / covered) : 0;
      pixels[offset + 1] = covered ? Math.round(g / covered) : 0;
      pixels[offset + 2] = covered ? Math.round(b / covered) : 0;
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An 8-bit RGBA PNG (colour type 6), one filter byte (none) per row. */
function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const fullSquare: Shape = () => true;
const roundedSquare = roundedRect(0, 0, 64, 64, 14);

const icons: IconSpec[] = [
  { file: 'pwa-192.png', size: 192, background: roundedSquare, glyphScale: 1 },
  { file: 'pwa-512.png', size: 512, background: roundedSquare, glyphScale: 1 },
  // The house spans x 9.5–54.5, y 12.5–50.5 of 64: scaled by 0.72 it stays inside the
  // safe zone (a centred circle of 40 % radius) of a maskable icon.
  { file: 'pwa-maskable-192.png', size: 192, background: fullSquare, glyphScale: 0.72 },
  { file: 'pwa-maskable-512.png', size: 512, background: fullSquare, glyphScale: 0.72 },
  { file: 'apple-touch-icon.png', size: 180, background: fullSquare, glyphScale: 0.8 },
];

for (const icon of icons) {
  const png = encodePng(icon.size, render(icon));
  writeFileSync(path.join(publicDir, icon.file), png);
  console.log(`public/${icon.file}  ${icon.size}×${icon.size}  ${png.length} bytes`);
}
