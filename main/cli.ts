/**
 * The `video-builder` command (bin/video-builder.js runs this through tsx). Each subcommand lives in main/cli/;
 * this file only parses arguments, and turns any failure into one `error: …` line and a non-zero exit.
 */
import { Command, CommanderError } from 'commander';
import { cliErrorLine } from './cli/cli-error';
import { runCredits, runState } from './cli/info';
import { runMake, type MakeOptions } from './cli/make';
import { createReporter } from './cli/reporter';
import { appVersion } from './cli/runtime';
import { runEngine, runWeb } from './cli/serve';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function buildProgram(env: NodeJS.ProcessEnv = process.env): Command {
  const stdout = (text: string): void => void process.stdout.write(text);
  const report = createReporter(process.stderr);
  const program = new Command('video-builder')
    .description('Turn clips, images and music into finished videos through a chat.')
    .version(appVersion())
    .showHelpAfterError('(run with --help for usage)');

  const backendOptions = (cmd: Command): Command =>
    cmd
      .option('--backend <local|cloud>', 'the local engine (default) or the NemoVideo cloud')
      .option('--api-url <url>', 'cloud base URL (env NEMO_API_URL; default https://mega-api-prod.nemovideo.ai)');

  backendOptions(
    program
      .command('make')
      .description('new project: upload the files, send each prompt as one chat turn, then export and/or print the draft')
      .argument('<files...>', 'media files (video, image, audio)')
      .option('-p, --prompt <text>', 'a chat message; repeat for several, sent in order', collect, [])
      .option('-o, --out <file.mp4>', 'export and download the result to this file')
      .option('--preset <landscape|vertical|square>', 'export size (default landscape 1920x1080)')
      .option('--draft', 'print the final draft JSON on stdout'),
  ).action((files: string[], options: MakeOptions) => runMake(files, options, { env, report, stdout }));

  backendOptions(program.command('credits').description('show the credit balance')).action((options: { backend?: string; apiUrl?: string }) =>
    runCredits(options, { env, stdout }),
  );
  backendOptions(program.command('state').description("show the current project's timeline").option('--json', 'print the draft JSON instead of the summary')).action(
    (options: { backend?: string; apiUrl?: string; json?: boolean }) => runState(options, { env, stdout }),
  );
  program
    .command('engine')
    .description('run the local engine in the foreground and print its URL')
    .option('--port <n>', 'port to listen on (default: any free port)')
    .action((options: { port?: string }) => runEngine(options, { env, stdout, stderr: (text) => void process.stderr.write(text) }));
  program
    .command('web')
    .description('run the app in your browser (browser mode) and print its URL')
    .option('--port <n>', 'port to listen on (default: any free port)')
    .action((options: { port?: string }) => runWeb(options));
  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    // Commander already printed its own one-line message (unknown option, missing argument, --help, --version).
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`${cliErrorLine(err)}\n`);
    return 1;
  }
}

const flushed = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => stream.write('', () => resolve()));

const code = await main();
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
// Keep-alive sockets and timers of finished work must not hold the process open.
process.exit(code);
