/**
 * Runs ffmpeg/ffprobe as tracked child processes: abortable, with stdout lines streamed to the caller and the tail
 * of stderr kept for the error message (LosslessCut habit: every child is tracked, with abort).
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunOptions {
  signal?: AbortSignal;
  onStdoutLine?: (line: string) => void;
  /** Collect all of stdout (ffprobe JSON); otherwise stdout is only streamed line by line. */
  captureStdout?: boolean;
  timeoutMs?: number;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The last lines of stderr, enough to explain a failure without holding a whole log in memory. */
  stderrTail: string[];
  aborted: boolean;
  timedOut: boolean;
}

const STDERR_TAIL_LINES = 40;
const KILL_GRACE_MS = 1500;

const running = new Set<ChildProcess>();

/** Every child still running (for a clean shutdown of the engine). */
export function runningChildren(): number {
  return running.size;
}

/** Kills every ffmpeg/ffprobe child that this module started (engine shutdown). */
export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function runTool(bin: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      resolve({ code: null, signal: null, stdout: '', stderrTail: [], aborted: true, timedOut: false });
      return;
    }
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    running.add(child);
    let stdout = '';
    let stdoutRest = '';
    let stderrRest = '';
    const stderrTail: string[] = [];
    let aborted = false;
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;

    const stop = (): void => {
      child.kill('SIGTERM');
      // ffmpeg can take a moment to flush; a stuck one is killed hard.
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    };
    const onAbort = (): void => {
      aborted = true;
      stop();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timeout =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            stop();
          }, opts.timeoutMs);

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (opts.captureStdout) stdout += chunk;
      if (!opts.onStdoutLine) return;
      const lines = (stdoutRest + chunk).split(/\r?\n/);
      stdoutRest = lines.pop() ?? '';
      for (const line of lines) opts.onStdoutLine(line);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const lines = (stderrRest + chunk).split(/\r?\n|\r/);
      stderrRest = lines.pop() ?? '';
      for (const line of lines) pushTail(stderrTail, line);
    });

    const finish = (): void => {
      running.delete(child);
      opts.signal?.removeEventListener('abort', onAbort);
      if (timeout) clearTimeout(timeout);
      if (killTimer) clearTimeout(killTimer);
    };
    child.on('error', (err) => {
      finish();
      reject(err);
    });
    child.on('close', (code, signal) => {
      finish();
      if (stdoutRest && opts.onStdoutLine) opts.onStdoutLine(stdoutRest);
      if (stderrRest) pushTail(stderrTail, stderrRest);
      resolve({ code, signal, stdout, stderrTail, aborted, timedOut });
    });
  });
}

function pushTail(tail: string[], line: string): void {
  if (line.trim() === '') return;
  tail.push(line);
  if (tail.length > STDERR_TAIL_LINES) tail.shift();
}
