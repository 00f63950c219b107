/**
 * Attachment payloads: Base64, sometimes of a ZIP wrapping the file. The VNPT SDK and the `vpcp` gateway
 * zip the file before Base64 and their decoders unzip when they can (domain §2.3, "Attachments"); others
 * send the file itself. We read both.
 *
 * A file that is itself a ZIP container (DOCX, XLSX, ODT, a .zip) also starts with `PK\x03\x04`, so we
 * only unwrap a ZIP with exactly one file entry, and not when the sender declares an archive. The ZIP
 * reader is ours (a single central-directory entry is ~40 lines) and inflation is Node's zlib with
 * `maxOutputLength`, which stops a zip bomb at the cap instead of after filling memory; fflate's
 * one-shot `unzipSync` sizes its output from the header, which a bomb can lie about.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { EdxmlError } from './errors.js';

/**
 * Decodes an attachment's `ContentTransferEncoded` text; refuses malformed or oversized Base64.
 * Validity is checked by re-encoding (canonical Base64 round-trips exactly): Node's decoder silently
 * skips bad characters, and a regular expression over megabytes costs ~10 ns per character.
 */
export function decodeBase64Payload(raw: string, maxBytes: number, name: string): Uint8Array {
  const text = raw
    .replace(/<!\[CDATA\[|\]\]>/g, '')
    // Java serializers write the CR of MIME line breaks as a character reference.
    .replace(/&#(?:x0*[9aAdD]|0*(?:9|10|13));/g, '')
    .replace(/[\t\n\r ]+/g, '');
  const malformed = () => new EdxmlError('EDXML_BAD_BASE64', `Tệp đính kèm "${name}" không được mã hóa Base64 hợp lệ`);
  if (text.length % 4 === 1) throw malformed();
  // Some encoders drop the padding; put it back.
  const padded = text.length % 4 === 0 ? text : `${text}${'='.repeat(4 - (text.length % 4))}`;
  const padding = padded.endsWith('==') ? 2 : padded.endsWith('=') ? 1 : 0;
  if ((padded.length / 4) * 3 - padding > maxBytes) throw tooLarge(name, maxBytes);
  const bytes = Buffer.from(padded, 'base64');
  if (bytes.toString('base64') !== padded) throw malformed();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function tooLarge(name: string, maxBytes: number): EdxmlError {
  return new EdxmlError('EDXML_ATTACHMENT_TOO_LARGE', `Tệp đính kèm "${name}" vượt quá ${Math.floor(maxBytes / 1_048_576)} MB`);
}

function badZip(name: string, why: string): EdxmlError {
  return new EdxmlError('EDXML_BAD_ZIP', `Tệp đính kèm "${name}" được nén ZIP nhưng hỏng: ${why}`);
}

const ARCHIVE_TYPES = /zip|compressed|x-7z|rar|java-archive/i;
const ARCHIVE_NAMES = /\.(zip|7z|rar|jar)$/i;

function startsWithLocalHeader(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

interface ZipEntry {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  name: string;
  localHeader: number;
}

/** The number of entries and the first one, or null when the bytes are not a readable ZIP archive. */
function readCentralDirectory(bytes: Uint8Array): { count: number; first: ZipEntry } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const at = view.getUint32(end + 16, true);
  if (count === 0 || at + 46 > end || view.getUint32(at, true) !== 0x02014b50) return null;
  const nameLength = view.getUint16(at + 28, true);
  if (at + 46 + nameLength > end) return null;
  const first = {
    flags: view.getUint16(at + 8, true),
    method: view.getUint16(at + 10, true),
    crc: view.getUint32(at + 16, true),
    compressedSize: view.getUint32(at + 20, true),
    size: view.getUint32(at + 24, true),
    name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
    localHeader: view.getUint32(at + 42, true),
  };
  return { count, first };
}

function extract(bytes: Uint8Array, entry: ZipEntry, maxBytes: number, name: string): Uint8Array {
  if (entry.flags & 0x1) throw badZip(name, 'tệp nén có mật khẩu');
  if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw badZip(name, 'ZIP64 không được hỗ trợ');
  if (entry.size > maxBytes) throw tooLarge(name, maxBytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeader;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== 0x04034b50) throw badZip(name, 'sai tiêu đề tệp');
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  if (start + entry.compressedSize > bytes.length) throw badZip(name, 'dữ liệu bị cắt cụt');
  const data = bytes.subarray(start, start + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: maxBytes });
    } catch (cause) {
      if ((cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(name, maxBytes);
      throw badZip(name, 'không giải nén được');
    }
  } else throw badZip(name, `phương thức nén ${entry.method} không được hỗ trợ`);
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw badZip(name, 'sai kích thước hoặc mã kiểm tra CRC');
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * The file inside a gateway's one-entry ZIP wrapper, or the bytes unchanged when they are not wrapped.
 * Throws when a wrapper is broken or expands past `maxBytes`.
 */
export function unwrapZippedPayload(
  bytes: Uint8Array,
  declared: { name: string; contentType?: string | undefined },
  maxBytes: number,
): { bytes: Uint8Array; zipped: boolean } {
  if (!startsWithLocalHeader(bytes)) return { bytes, zipped: false };
  if (ARCHIVE_NAMES.test(declared.name) || ARCHIVE_TYPES.test(declared.contentType ?? '')) return { bytes, zipped: false };
  const directory = readCentralDirectory(bytes);
  if (!directory) throw badZip(declared.name, 'không đọc được danh mục tệp nén');
  // DOCX/XLSX/ODT and real archives have several entries: they are the file, not a wrapper.
  if (directory.count !== 1 || directory.first.name.endsWith('/')) return { bytes, zipped: false };
  return { bytes: extract(bytes, directory.first, maxBytes, declared.name), zipped: true };
}
