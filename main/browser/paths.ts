/** Where browser mode keeps things. Pure: the environment and home folder come in as arguments. */
import path from 'node:path';

/** Exports go to VIDEO_BUILDER_OUTPUT_DIR, else beside the data in VIDEO_BUILDER_HOME (tests), else ~/Videos. */
export function browserOutputDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  if (env.VIDEO_BUILDER_OUTPUT_DIR) return path.resolve(env.VIDEO_BUILDER_OUTPUT_DIR);
  if (env.VIDEO_BUILDER_HOME) return path.join(path.resolve(env.VIDEO_BUILDER_HOME), 'exports');
  return path.join(homeDir, 'Videos', 'Video Builder');
}

/** The per-run secret: fixed by VIDEO_BUILDER_WEB_SECRET (end-to-end tests only), else random. */
export function webSecret(env: NodeJS.ProcessEnv, random: () => string): string {
  const fixed = env.VIDEO_BUILDER_WEB_SECRET?.trim();
  return fixed ? fixed : random();
}
