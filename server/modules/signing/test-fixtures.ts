// Documents and images for the signing tests, made at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDF } from '@libpdf/core';

const fontFile = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
  'DejaVuSerif.ttf',
);

/** An A4 page with a short Vietnamese decision, saved as a plain (unsigned) PDF. */
export async function onePagePdf(): Promise<Uint8Array> {
  const doc = PDF.create();
  const page = doc.addPage({ size: 'a4' });
  const font = doc.embedFont(readFileSync(fontFile));
  page.drawText('ỦY BAN NHÂN DÂN TỈNH AN GIANG', { x: 60, y: 780, size: 12, font });
  page.drawText('QUYẾT ĐỊNH về việc thử nghiệm chữ ký số', { x: 60, y: 740, size: 14, font });
  page.drawText('Điều 1. Văn bản này dùng để kiểm tra chữ ký số PAdES.', { x: 60, y: 700, size: 12, font });
  return doc.save({ subsetFonts: true });
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA PNG; `paint(x, y)` gives the colour of a pixel, or null where the background shows through. */
export function png(width: number, height: number, paint: (x: number, y: number) => [number, number, number] | null): Uint8Array {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = paint(x, y);
      if (c) raw.set([...c, 255], y * (width * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** A blue scribble standing in for a handwritten signature. */
export const blueSignature = () =>
  png(240, 100, (x, y) => (Math.abs(y - 50 - 30 * Math.sin(x / 18)) < 3 ? [20, 40, 200] : null));

/** A red ring standing in for an organisation's seal. */
export const redSeal = () =>
  png(200, 200, (x, y) => {
    const r = Math.hypot(x - 100, y - 100);
    return (r > 88 && r < 98) || (r > 60 && r < 64) ? [220, 20, 30] : null;
  });
