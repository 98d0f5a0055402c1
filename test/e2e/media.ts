import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where globalSetup writes the test media (inside this run's data folder). */
export function mediaDir(): string {
  const home = process.env.VB_E2E_HOME;
  if (!home) throw new Error('VB_E2E_HOME is not set: run through playwright.config.ts');
  return join(home, 'media');
}

export const CLIPS = ['beach.mp4', 'city-walk.mp4', 'sunset.mp4'];
export const IMAGES = ['product.png', 'logo.jpg'];
export const MUSIC = 'upbeat-music.mp3';
export const UNSUPPORTED = 'notes.txt';

export function mediaPath(name: string): string {
  return join(mediaDir(), name);
}

const ffmpeg = (args: string[]): void => {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' });
};

/** Small but real media: three 2-second clips with sound, two stills and a 6-second song. */
export function makeMedia(): void {
  const dir = mediaDir();
  mkdirSync(dir, { recursive: true });
  const colours = ['testsrc2', 'smptebars', 'rgbtestsrc'];
  CLIPS.forEach((name, i) => {
    const out = join(dir, name);
    if (existsSync(out)) return;
    ffmpeg([
      '-f', 'lavfi', '-i', `${colours[i]}=size=320x180:rate=30:duration=2`,
      '-f', 'lavfi', '-i', `sine=frequency=${330 + i * 110}:duration=2`,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out,
    ]);
  });
  const stills = [
    ['product.png', 'color=c=0x6a4cf5:size=320x180,drawbox=x=100:y=40:w=120:h=100:color=white@0.9:t=fill'],
    ['logo.jpg', 'color=c=0xff5c8a:size=320x180,drawbox=x=130:y=60:w=60:h=60:color=white:t=fill'],
  ] as const;
  for (const [name, source] of stills) {
    const out = join(dir, name);
    if (!existsSync(out)) ffmpeg(['-f', 'lavfi', '-i', source, '-frames:v', '1', out]);
  }
  const music = join(dir, MUSIC);
  if (!existsSync(music)) {
    ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=220:duration=6', '-f', 'lavfi', '-i', 'sine=frequency=277:duration=6',
      '-filter_complex', 'amix=inputs=2', '-c:a', 'libmp3lame', '-b:a', '96k', music]);
  }
  writeFileSync(join(dir, UNSUPPORTED), 'This is not a video.\n');
}
