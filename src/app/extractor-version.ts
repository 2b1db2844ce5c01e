// The extractor version tag: package version plus a hash of the lexicons, so editing a lexicon counts as a new extractor.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../store/canonical-json.js';

// src/app and dist/app both sit two levels below the package root.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function extractorVersion(root = ROOT): Promise<string> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version?: string };
  const dir = join(root, 'data', 'lexicons');
  let files: string[] = [];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    // No lexicons shipped: the package version alone names the extractor.
  }
  const parts = await Promise.all(files.map(async (f) => `${f}\n${await readFile(join(dir, f), 'utf8')}`));
  const lexicons = files.length ? `+lex.${sha256Hex(parts.join('\n')).slice(0, 10)}` : '';
  return `${pkg.version ?? '0.0.0'}${lexicons}`;
}
