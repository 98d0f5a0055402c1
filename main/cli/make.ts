/**
 * `video-builder make`: a new project from media files, one chat turn per prompt, then optionally an export
 * and the draft. Every file is checked before anything is sent; progress goes to stderr, the draft to stdout.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ChatEntry, ExportPreset } from '../../shared/bridge';
import { readDraft, summarize } from '../../shared/draft';
import { AppError, appError, userError } from '../../shared/errors';
import { ChatRunner } from '../core/chat';
import { ExportManager } from '../core/exports';
import { getState } from '../core/resources';
import { checkUploadable, uploadFiles } from '../core/uploads';
import type { Reporter } from './reporter';
import { openBackend, openStore, readProject, resolveChoice, saveProject, type BackendChoice } from './runtime';

export interface MakeOptions extends BackendChoice {
  prompt: string[];
  out?: string;
  draft?: boolean;
  preset?: string;
}

export interface MakeIo {
  env: NodeJS.ProcessEnv;
  report: Reporter;
  stdout: (text: string) => void;
}

const PRESETS: readonly ExportPreset[] = ['landscape', 'vertical', 'square'];

/** Fails before any network traffic when a file is missing, unsupported or too large. */
export async function preflightFiles(files: string[]): Promise<string[]> {
  if (files.length === 0) throw appError('unknown', 'Give at least one media file: video-builder make clip.mp4 -p "…"');
  const resolved: string[] = [];
  for (const file of files) {
    const abs = path.resolve(file);
    const name = path.basename(abs);
    const info = await stat(abs).catch(() => null);
    if (!info?.isFile()) throw appError('file.missing', `${file} was not found. Check the path and try again.`);
    const problem = checkUploadable({ name, size: info.size });
    if (problem) throw new AppError({ ...problem, message: `${name}: ${problem.message}` });
    resolved.push(abs);
  }
  return resolved;
}

function presetOf(value: string | undefined): ExportPreset {
  if (value === undefined) return 'landscape';
  if ((PRESETS as readonly string[]).includes(value)) return value as ExportPreset;
  throw appError('unknown', `--preset must be one of ${PRESETS.join(', ')}, not "${value}".`);
}

/** Prints each chat entry once it is final (streamed text is printed whole, not chunk by chunk). */
function chatPrinter(report: Reporter): (entry: ChatEntry) => void {
  const printed = new Map<string, string>();
  return (entry) => {
    if (entry.role === 'user' || (entry.pending === true && entry.role !== 'working')) return;
    if (printed.get(entry.id) === entry.text) return;
    printed.set(entry.id, entry.text);
    const prefix = entry.role === 'assistant' ? 'agent: ' : entry.role === 'error' ? 'problem: ' : '';
    report.line(`${prefix}${entry.text}`);
  };
}

export async function runMake(files: string[], options: MakeOptions, io: MakeIo): Promise<void> {
  const preset = presetOf(options.preset);
  const paths = await preflightFiles(files);
  const outPath = options.out ? path.resolve(options.out) : undefined;
  const { home, store } = openStore(io.env);
  const { kind, apiUrl } = resolveChoice(options, io.env, readProject(store));
  const projectId = `cli-${Date.now().toString(36)}`;

  io.report.line(kind === 'local' ? 'Starting the local engine…' : `Connecting to ${new URL(apiUrl).host}…`);
  const backend = await openBackend({ kind, apiUrl, home, store, env: io.env });
  try {
    const session = await backend.sessions.get(projectId);
    saveProject(store, { projectId, backend: kind, apiUrl });

    await uploadFiles(backend.client, session.session_id, paths, {
      onProgress: (index, loaded, total) => io.report.progress(`Uploading ${path.basename(paths[index] ?? '')}`, total > 0 ? (loaded / total) * 100 : 100),
    });
    io.report.done();
    io.report.line(`Uploaded ${paths.length} file${paths.length === 1 ? '' : 's'}.`);

    const printEntry = chatPrinter(io.report);
    let lastReply = '';
    const chat = new ChatRunner({
      client: backend.client,
      sessions: backend.sessions,
      projectId,
      onEntry: (entry) => {
        if (entry.role === 'assistant') lastReply = entry.text;
        printEntry(entry);
      },
    });
    for (const prompt of options.prompt) {
      io.report.line(`you: ${prompt}`);
      const turn = await chat.send(prompt).done;
      // A prompt that failed makes the rest meaningless: stop with its reason.
      if (turn.error) throw new AppError(turn.error);
    }

    // The local engine ends every reply with the summary; the cloud may not, so say where the timeline ended up.
    const state = await getState(backend.client, session.session_id);
    const finalSummary = summarize(readDraft(state.state?.draft));
    if (!lastReply.trimEnd().endsWith(finalSummary)) io.report.line(finalSummary);

    if (outPath) {
      const exports = new ExportManager({
        client: backend.client,
        sessions: backend.sessions,
        projectId,
        store,
        backendKey: backend.key,
        onJob: (job) => {
          if (job.state === 'queued' || job.state === 'rendering') io.report.progress('Rendering', job.progress);
          else if (job.state === 'downloading') io.report.progress('Downloading', job.progress);
        },
      });
      try {
        const job = await exports.start({ preset, outPath });
        const finished = await exports.wait(job.id);
        io.report.done();
        if (finished.state !== 'done') throw new AppError(finished.error ?? userError('server.error', 'The export did not finish.'));
        io.report.line(`Saved ${finished.outPath}`);
      } finally {
        exports.close();
      }
    }

    if (options.draft) io.stdout(`${JSON.stringify(state.state?.draft ?? {}, null, 2)}\n`);
  } finally {
    await backend.close().catch(() => undefined);
  }
}
