#!/usr/bin/env node
// Bundles the desktop app into dist/desktop with esbuild (shipped with tsx):
//   main.js     ESM, the Electron main process; npm packages stay external (they ship in the asar's node_modules)
//   preload.cjs ONE CommonJS file that requires nothing but `electron` (a sandboxed preload can load nothing else)
// and copies the icons. Builds the renderer too when dist/renderer is missing.
//   node scripts/build-desktop.mjs [--out <dir>] [--skip-renderer] [--preload-only]
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(root, 'dist', 'desktop');
const preloadOnly = args.includes('--preload-only');
const skipRenderer = preloadOnly || args.includes('--skip-renderer');

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: false, logLevel: 'warning', absWorkingDir: root };

await build({
  ...common,
  entryPoints: [path.join(root, 'preload/index.ts')],
  outfile: path.join(outDir, 'preload.cjs'),
  format: 'cjs',
  external: ['electron'],
});

if (!preloadOnly) {
  await build({
    ...common,
    entryPoints: [path.join(root, 'main/desktop/main.ts')],
    outfile: path.join(outDir, 'main.js'),
    format: 'esm',
    packages: 'external',
    external: ['electron'],
  });
}

mkdirSync(outDir, { recursive: true });
for (const icon of ['icon.png', 'tray.png', 'tray@2x.png']) {
  copyFileSync(path.join(root, 'build', icon), path.join(outDir, icon));
}

if (!skipRenderer && !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
  const vite = await import('vite');
  await vite.build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'renderer'), logLevel: 'warn' });
}
process.stderr.write(`desktop bundle written to ${path.relative(root, outDir) || '.'}\n`);
