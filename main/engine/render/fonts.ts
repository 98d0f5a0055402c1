/**
 * Font files for drawtext. Latin text uses DejaVu Sans Bold from the `dejavu-fonts-ttf` package (licence in
 * NOTICES.md); DejaVu has no Chinese glyphs, so text with CJK characters uses the first CJK font found on the
 * machine (`VIDEO_BUILDER_CJK_FONT`, then common system locations such as Debian's fonts-wqy-zenhei).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TextFonts } from './text-graph';

const SYSTEM_DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

const CJK_CANDIDATES = [
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Medium.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
];

let cached: TextFonts | undefined;

export function resolveFonts(env: NodeJS.ProcessEnv = process.env): TextFonts {
  if (cached && env === process.env) return cached;
  const fonts: TextFonts = { fontFile: latinFont() };
  const cjk = [env.VIDEO_BUILDER_CJK_FONT, ...CJK_CANDIDATES].find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));
  if (cjk) fonts.cjkFontFile = cjk;
  if (env === process.env) cached = fonts;
  return fonts;
}

function latinFont(): string {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('dejavu-fonts-ttf/package.json');
    const file = join(dirname(pkg), 'ttf', 'DejaVuSans-Bold.ttf').replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
    if (existsSync(file)) return file;
  } catch {
    // Not installed: fall through to the system copy.
  }
  return SYSTEM_DEJAVU;
}
