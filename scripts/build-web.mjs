// Bundles the booking page's browser code (web/) into dist/web with fingerprinted names and writes
// dist/web/manifest.json, which the server reads to link them. Run by `npm run build` (and so by
// the `prepare` step of npm install).
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'web');

export async function buildWeb() {
  // Built in place, never emptied first: a running server (or a parallel test) keeps finding the
  // files it links, and content-hashed names mean an unchanged file is rewritten with its own bytes.
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { booking: 'web/booking.ts', embed: 'web/embed.ts', 'booking-style': 'web/booking.css' },
    outdir, entryNames: '[name]-[hash]', bundle: true, minify: true, format: 'iife', target: ['es2020'],
    metafile: true, legalComments: 'none', logLevel: 'warning',
  });
  const manifest = {};
  for (const [file, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint) continue;
    const name = basename(file);
    if (meta.entryPoint.endsWith('booking.ts')) manifest['booking.js'] = name;
    else if (meta.entryPoint.endsWith('embed.ts')) manifest['embed.js'] = name;
    else if (meta.entryPoint.endsWith('.css')) manifest['booking.css'] = name;
  }
  const temporary = join(outdir, `manifest.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(temporary, join(outdir, 'manifest.json')); // readers see the old manifest or the new one, never half of one
  const current = new Set([...Object.values(manifest), 'manifest.json']);
  for (const file of readdirSync(outdir)) {
    if (!current.has(file) && !file.endsWith('.tmp')) rmSync(join(outdir, file), { force: true });
  }
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildWeb();
