/** The Electron entry (bundled to dist/desktop/main.js by scripts/build-desktop.mjs). */
import { startDesktop } from './desktop-app';

void startDesktop();
