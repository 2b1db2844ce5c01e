// Finds the package root (the folder with package.json) so data files resolve the same from src/ under tsx and from dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('marsad: cannot find the package root (no package.json above the code)');
    dir = parent;
  }
  cached = dir;
  return dir;
}
