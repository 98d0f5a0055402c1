/**
 * The `X-Skill-Platform` attribution value (protocol.md §2.1). NemoVideo's own clients send `cursor`,
 * `claude_code`, `terminal` (CLI) and `clawhub`/`unknown` (skills). Our choice:
 * - `desktop`: the Electron app, and the browser mode (the same app; its host passes `VIDEO_BUILDER_PLATFORM=desktop`
 *   or calls with that env).
 * - `cursor` / `claude_code`: the CLI run by those agents, detected from the variables they set.
 * - `terminal`: the CLI in an interactive terminal.
 * - `unknown`: anything else (CI, pipes, services).
 * `VIDEO_BUILDER_PLATFORM` overrides detection when it is one of these values.
 */
export const PLATFORMS = ['desktop', 'cursor', 'claude_code', 'terminal', 'unknown'] as const;
export type Platform = (typeof PLATFORMS)[number];

function isPlatform(value: string | undefined): value is Platform {
  return value !== undefined && (PLATFORMS as readonly string[]).includes(value);
}

export function detectPlatform(
  env: NodeJS.ProcessEnv = process.env,
  runtime: { electron?: string | undefined; isTTY?: boolean | undefined } = { electron: process.versions.electron, isTTY: process.stderr.isTTY },
): Platform {
  if (isPlatform(env.VIDEO_BUILDER_PLATFORM)) return env.VIDEO_BUILDER_PLATFORM;
  if (runtime.electron) return 'desktop';
  if (env.CLAUDECODE || env.CLAUDE_CODE_ENTRYPOINT) return 'claude_code';
  if (env.CURSOR_TRACE_ID || env.CURSOR_AGENT || /cursor/i.test(env.TERM_PROGRAM ?? '')) return 'cursor';
  if (runtime.isTTY || (env.TERM && env.TERM !== 'dumb' && !env.CI)) return 'terminal';
  return 'unknown';
}
