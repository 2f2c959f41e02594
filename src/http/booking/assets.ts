// The browser bundles esbuild wrote at build time (scripts/build-web.mjs): fingerprinted names
// listed in dist/web/manifest.json. Found next to the compiled server (dist/) or, when the server
// runs from source, in the worktree's dist/web.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface WebAssets { dir: string; files: Record<'booking.js' | 'booking.css' | 'embed.js', string> }

export function loadWebAssets(): WebAssets | null {
  const candidates = [new URL('../../web/', import.meta.url), new URL('../../../dist/web/', import.meta.url)];
  for (const url of candidates) {
    const dir = fileURLToPath(url);
    if (existsSync(`${dir}manifest.json`)) return { dir, files: JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) };
  }
  return null;
}
