#!/usr/bin/env node
// `npm start`: the desktop app when an Electron binary is installed, otherwise the browser mode with its URL
// printed. Both work on a fresh checkout after `npm ci` (the UI and the desktop bundle are built on demand).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron executable, or null (`require('electron')` throws when its binary was never downloaded). */
function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function canOpenBrowser() {
  if (!process.stdout.isTTY) return false;
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

const electron = electronBinary();
if (electron && process.env.VIDEO_BUILDER_FORCE_WEB !== '1') {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-desktop.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    process.stderr.write('error: could not build the desktop app (see above).\n');
    process.exit(built.status ?? 1);
  }
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write('No Electron binary here: starting Video Builder in your browser instead.\n');
  const { register } = await import('tsx/esm/api');
  register();
  try {
    const { runBrowserMode } = await import('../main/browser.ts');
    const port = process.env.VIDEO_BUILDER_PORT ? Number(process.env.VIDEO_BUILDER_PORT) : undefined;
    await runBrowserMode({ port, open: canOpenBrowser() });
    process.stderr.write('Open the address above in your browser. Press Ctrl+C to stop.\n');
  } catch (err) {
    const message = err && typeof err === 'object' && 'user' in err ? err.user.message : String(err?.message ?? err);
    process.stderr.write(`error: ${message.split('\n')[0]}\n`);
    process.exit(1);
  }
}
