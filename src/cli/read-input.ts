// Reads report files (or standard input for "-") into parsed reports, turning every failure into a named, one-line error.
import { readFile, stat } from 'node:fs/promises';
import { MarsadError } from '../domain/errors.js';
import { decodeReportBytes, MAX_REPORT_BYTES, parseReport, reportTooLarge, type ReportDefaults } from '../domain/report-file.js';
import type { Report } from '../domain/types.js';

export interface InputReport {
  file: string;
  bytes: Uint8Array;
  report: Report;
  bodyOffset: number;
}

export type InputResult = { ok: true; value: InputReport } | { ok: false; file: string; error: string };

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = chunk as Buffer;
    size += buf.length;
    // Stop reading early rather than buffering an unbounded stream; decodeReportBytes names the limit.
    if (size > MAX_REPORT_BYTES) throw reportTooLarge(size, true);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function readBytes(file: string): Promise<Uint8Array> {
  if (file === '-') return readStdin();
  const info = await stat(file);
  if (info.isDirectory()) throw new MarsadError('invalid_input', 'is a directory, expected a report file');
  // Refuse before reading a huge file into memory.
  if (info.size > MAX_REPORT_BYTES) throw reportTooLarge(info.size);
  return readFile(file);
}

export function describeError(err: unknown): string {
  if (err instanceof MarsadError) return `${err.line ? `line ${err.line}: ` : ''}${err.message} [${err.code}]`;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(err);
}

export async function readReport(file: string, defaults: ReportDefaults): Promise<InputResult> {
  try {
    const bytes = await readBytes(file);
    const text = decodeReportBytes(bytes);
    const { report, bodyOffset } = parseReport(text, defaults);
    return { ok: true, value: { file, bytes, report, bodyOffset } };
  } catch (err) {
    return { ok: false, file, error: describeError(err) };
  }
}
