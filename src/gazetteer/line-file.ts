// A text file kept as raw bytes plus a line-offset table, so loading costs a read, not a UTF-8 decode and split.
import { readFileSync } from 'node:fs';

/** Offsets of line starts (plus one past the end), written beside the data file as little-endian uint32. */
export function lineOffsets(lines: readonly string[]): Buffer {
  const out = Buffer.alloc((lines.length + 1) * 4);
  let pos = 0;
  lines.forEach((l, i) => {
    out.writeUInt32LE(pos, i * 4);
    pos += Buffer.byteLength(l, 'utf8') + 1;
  });
  out.writeUInt32LE(pos, lines.length * 4);
  return out;
}

export class LineFile {
  private readonly data: Buffer;
  private readonly offsets: Uint32Array;
  readonly length: number;

  constructor(dataPath: string, offsetsPath: string) {
    this.data = readFileSync(dataPath);
    const raw = readFileSync(offsetsPath);
    this.offsets = new Uint32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
    this.length = this.offsets.length - 1;
  }

  /** Line i without its newline; undefined out of range. */
  line(i: number): string | undefined {
    if (i < 0 || i >= this.length) return undefined;
    return this.data.toString('utf8', this.offsets[i]!, this.offsets[i + 1]! - 1);
  }

  /**
   * Binary search over lines sorted by their first field (bytes up to a tab); returns the line
   * index or -1. Byte order equals the builder's string order because keys are BMP-only.
   */
  findByFirstField(key: Buffer): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compareFirstField(mid, key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private compareFirstField(i: number, key: Buffer): number {
    const d = this.data;
    const end = this.offsets[i + 1]! - 1;
    let p = this.offsets[i]!;
    for (let j = 0; j < key.length; j++, p++) {
      const b = p < end ? d[p]! : 9;
      // A tab (9) ends the field: the line's key is a proper prefix of the query, so it sorts first.
      if (b === 9) return -1;
      if (b !== key[j]) return b - key[j]!;
    }
    return p < end && d[p] !== 9 ? 1 : 0;
  }
}
