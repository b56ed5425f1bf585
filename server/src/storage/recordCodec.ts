import { crc32 } from 'node:zlib';

/**
 * Framing of log records and snapshot files: u32 length, u32 CRC-32 of the payload, payload (LE).
 * The checksum is what lets a torn write at the end of a log be told from data.
 */
export const RECORD_HEADER_BYTES = 8;
/** No single update can be larger than this; a larger length field means a torn or corrupt header. */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;

export function encodeRecords(payloads: Uint8Array[]): Buffer {
  let total = 0;
  for (const p of payloads) total += RECORD_HEADER_BYTES + p.byteLength;
  const out = Buffer.allocUnsafe(total);
  let offset = 0;
  for (const p of payloads) {
    out.writeUInt32LE(p.byteLength, offset);
    out.writeUInt32LE(crc32(p), offset + 4);
    out.set(p, offset + RECORD_HEADER_BYTES);
    offset += RECORD_HEADER_BYTES + p.byteLength;
  }
  return out;
}

export interface DecodedRecords {
  records: Uint8Array[];
  /** Bytes of well-formed records from the start; anything after is torn or corrupt. */
  validBytes: number;
  /** Why decoding stopped early, or null when the whole buffer was well-formed. */
  problem: string | null;
}

export function decodeRecords(buf: Uint8Array): DecodedRecords {
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const records: Uint8Array[] = [];
  let offset = 0;
  while (offset < view.length) {
    if (view.length - offset < RECORD_HEADER_BYTES) {
      return { records, validBytes: offset, problem: `truncated record header at byte ${offset}` };
    }
    const length = view.readUInt32LE(offset);
    const checksum = view.readUInt32LE(offset + 4);
    const start = offset + RECORD_HEADER_BYTES;
    if (length > MAX_RECORD_BYTES || start + length > view.length) {
      return { records, validBytes: offset, problem: `truncated record at byte ${offset} (length ${length})` };
    }
    const payload = view.subarray(start, start + length);
    if (crc32(payload) !== checksum) {
      return { records, validBytes: offset, problem: `checksum mismatch in record at byte ${offset}` };
    }
    records.push(payload);
    offset = start + length;
  }
  return { records, validBytes: offset, problem: null };
}
