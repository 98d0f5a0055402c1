/**
 * The chat flow (design.md flow 2, protocol.md §4.5 and §6.3): one agent run at a time over `/run_sse`;
 * messages sent during a run wait locally. Everything the person should see is emitted as ChatEntry values.
 */
import type { ChatEntry, UserError } from '../../shared/bridge';
import { diffDrafts } from '../../shared/draft-diff';
import { API_PATHS, type RunSseBody, type StateResponse } from '../../shared/protocol';
import { AppError, sanitizeServerMessage, toUserError, userError } from '../../shared/errors';
import { classifyPayload } from './chat-events';
import { abortableSleep, pollUntilChanged, stateChanged } from './chat-recovery';
import { ChatTranscript } from './chat-transcript';
import type { ApiClient } from './http-client';
import { getState } from './resources';
import type { Sessions } from './sessions';
import { readSse } from './sse-reader';

export interface ChatLimits {
  /** Hard limit per run (vendor: 15 min). */
  runMs: number;
  /** Only keep-alives for this long → timeout (vendor: 10 min). */
  idleMs: number;
  /** "⏳ Still working…" after this long without a real event, and again each time it passes. */
  stillWorkingMs: number;
}
export const DEFAULT_CHAT_LIMITS: ChatLimits = { runMs: 15 * 60_000, idleMs: 10 * 60_000, stillWorkingMs: 2 * 60_000 };

export type TurnOutcome = 'replied' | 'silent' | 'recovered' | 'lost' | 'error' | 'timeout' | 'cancelled';

export interface TurnResult {
  text: string;
  outcome: TurnOutcome;
  /** The state before the run and after it (after is missing when it could not be fetched). */
  before: StateResponse | undefined;
  after: StateResponse | undefined;
  changes: { sentences: string[]; changedIds: string[] };
  error?: UserError;
}

export interface ChatRunnerOptions {
  client: ApiClient;
  sessions: Sessions;
  projectId: string;
  onEntry: (entry: ChatEntry) => void;
  onBusy?: (busy: boolean, queued: number) => void;
  onTurnEnd?: (result: TurnResult) => void;
  limits?: Partial<ChatLimits>;
  recoveryDelaysMs?: readonly number[];
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

interface QueuedMessage {
  text: string;
  userEntry: ChatEntry;
  resolve: (result: TurnResult) => void;
}

/** Why a run's controller was aborted. */
type StopReason = { kind: 'cancel' } | { kind: 'timeout'; what: 'run' | 'idle' };

const NO_CHANGES = { sentences: [], changedIds: [] };

function duration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.max(1, Math.round(ms / 1000))} seconds`;
}

export class ChatRunner {
  private readonly limits: ChatLimits;
  private readonly now: () => number;
  private readonly queue: QueuedMessage[] = [];
  private running = false;
  private controller: AbortController | null = null;
  private seq = 0;
  /** The last state we know of and its session: the "before" of the next run. */
  private known: { sessionId: string; state: StateResponse } | undefined;

  constructor(private readonly opts: ChatRunnerOptions) {
    this.limits = { ...DEFAULT_CHAT_LIMITS, ...opts.limits };
    this.now = opts.now ?? Date.now;
  }

  get busy(): boolean {
    return this.running;
  }

  get queuedCount(): number {
    return this.queue.length;
  }

  /** Lets the owner share a state it fetched itself (e.g. after an upload), so the next diff starts there. */
  setKnownState(sessionId: string, state: StateResponse): void {
    this.known = { sessionId, state };
  }

  /** Sends now, or queues behind the running turn. `done` settles when this message's turn has ended. */
  send(text: string): { queued: boolean; done: Promise<TurnResult> } {
    const queued = this.running;
    const userEntry: ChatEntry = { id: this.nextId('u'), role: 'user', text, startedAt: this.now(), ...(queued ? { pending: true } : {}) };
    this.opts.onEntry(userEntry);
    const done = new Promise<TurnResult>((resolve) => this.queue.push({ text, userEntry, resolve }));
    if (!this.running) void this.drain();
    else this.opts.onBusy?.(true, this.queue.length);
    return { queued, done };
  }

  /** Stops the running turn and drops the messages waiting behind it. */
  cancel(): void {
    const dropped = this.queue.splice(0);
    for (const message of dropped) {
      this.opts.onEntry({ ...message.userEntry, pending: false, text: message.text });
      message.resolve(this.result(message.text, 'cancelled', undefined, undefined, NO_CHANGES, userError('cancelled')));
    }
    if (dropped.length > 0) {
      this.opts.onEntry({ id: this.nextId('x'), role: 'system', text: `${dropped.length} waiting message${dropped.length === 1 ? ' was' : 's were'} not sent.` });
    }
    this.controller?.abort({ kind: 'cancel' } satisfies StopReason);
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        this.opts.onBusy?.(true, this.queue.length);
        if (next.userEntry.pending) this.opts.onEntry({ ...next.userEntry, pending: false });
        const result = await this.runTurn(next.text).catch((err: unknown) => {
          // A bug or an unexpected failure must not stall the queue or leave the person without an answer.
          const error = toUserError(err);
          this.opts.onEntry({ id: this.nextId('e'), role: 'error', text: error.message, error });
          return this.result(next.text, 'error', undefined, undefined, NO_CHANGES, error);
        });
        this.opts.onTurnEnd?.(result);
        next.resolve(result);
      }
    } finally {
      this.running = false;
      this.controller = null;
      this.opts.onBusy?.(false, 0);
    }
  }

  private async runTurn(text: string): Promise<TurnResult> {
    const controller = new AbortController();
    this.controller = controller;
    const startedAt = this.now();
    const transcript = new ChatTranscript(this.nextId('r'), startedAt);
    const emit = (entries: ChatEntry[]): void => entries.forEach((entry) => this.opts.onEntry(entry));
    let sessionId = '';
    let before: StateResponse | undefined;

    // Opening the stream: a 1002 here renews the session and sends once to the new one (nothing was started).
    let body: AsyncIterable<Uint8Array>;
    try {
      const opened = await this.opts.sessions.withSession(this.opts.projectId, async (session) => {
        const sid = session.session_id;
        const baseline = this.known?.sessionId === sid ? this.known.state : await getState(this.opts.client, sid);
        sessionId = sid;
        before = baseline;
        const runBody: RunSseBody = { app_name: 'nemo_agent', user_id: 'me', session_id: sid, new_message: { role: 'user', parts: [{ text }] } };
        const stream = await this.opts.client.openStream(API_PATHS.runSse, runBody, { signal: controller.signal });
        return { sid, baseline, stream };
      });
      sessionId = opened.sid;
      before = opened.baseline;
      this.known = { sessionId, state: before };
      body = opened.stream.body;
    } catch (err) {
      const reason = controller.signal.reason as StopReason | undefined;
      if (reason?.kind === 'cancel') return this.stopped(text, transcript, before, undefined);
      // The request may have reached the server before the connection broke: recover, never re-send.
      if (err instanceof AppError && err.user.code === 'stream.dropped' && sessionId) return this.recover(text, sessionId, before, controller.signal);
      const error = toUserError(err);
      this.opts.onEntry({ id: this.nextId('e'), role: 'error', text: error.message, error });
      return this.result(text, 'error', before, undefined, NO_CHANGES, error);
    }

    let streamError: UserError | undefined;
    let lastReal = this.now();
    let stillTimer: ReturnType<typeof setTimeout> | undefined;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const armActivityTimers = (): void => {
      clearTimeout(stillTimer);
      clearTimeout(idleTimer);
      const still = (): void => {
        emit(transcript.addStillWorking(this.now() - lastReal));
        stillTimer = setTimeout(still, this.limits.stillWorkingMs);
      };
      stillTimer = setTimeout(still, this.limits.stillWorkingMs);
      idleTimer = setTimeout(() => controller.abort({ kind: 'timeout', what: 'idle' } satisfies StopReason), this.limits.idleMs);
    };
    const runTimer = setTimeout(() => controller.abort({ kind: 'timeout', what: 'run' } satisfies StopReason), this.limits.runMs);
    armActivityTimers();

    let dropped = false;
    try {
      await readSse(
        body,
        {
          onComment: () => undefined,
          onData: (data) => {
            for (const signal of classifyPayload(data)) {
              if (signal.kind === 'keep-alive' || signal.kind === 'ignored') continue;
              lastReal = this.now();
              armActivityTimers();
              if (signal.kind === 'text') emit(transcript.addText(signal.text, signal.partial));
              else if (signal.kind === 'tool') emit(transcript.addTool(signal.name));
              else if (signal.kind === 'stream-error') {
                streamError = userError('server.error', `The video service reported an error: ${sanitizeServerMessage(signal.message) || 'unknown error'}`, { kind: 'retry', label: 'Try again' });
              } else {
                const detail = sanitizeServerMessage(signal.message);
                streamError = userError('server.error', `The agent could not finish this request (${signal.code})${detail ? `: ${detail}` : '.'}`, { kind: 'retry', label: 'Try again' });
              }
            }
          },
        },
        controller.signal,
      );
    } catch {
      const reason = controller.signal.reason as StopReason | undefined;
      if (controller.signal.aborted && reason?.kind === 'cancel') return this.stopped(text, transcript, before, sessionId);
      if (controller.signal.aborted && reason?.kind === 'timeout') {
        emit(transcript.finish());
        const error = userError('stream.timeout', reason.what === 'run' ? `The request took longer than ${duration(this.limits.runMs)} and was stopped. Check the timeline, then try again.` : `The video service sent nothing but keep-alives for ${duration(this.limits.idleMs)}, so the request was stopped. Check the timeline, then try again.`, { kind: 'retry', label: 'Try again' });
        this.opts.onEntry({ id: this.nextId('e'), role: 'error', text: error.message, error });
        const after = await this.fetchState(sessionId);
        return this.result(text, 'timeout', before, after, this.diff(before, after), error);
      }
      // Whatever broke (socket reset, `stream.dropped` from the client), the run's outcome is unknown.
      dropped = true;
    } finally {
      clearTimeout(runTimer);
      clearTimeout(stillTimer);
      clearTimeout(idleTimer);
    }
    emit(transcript.finish());

    if (dropped) return this.recover(text, sessionId, before, controller.signal);
    if (streamError) {
      this.opts.onEntry({ id: this.nextId('e'), role: 'error', text: streamError.message, error: streamError });
      const after = await this.fetchState(sessionId);
      return this.result(text, 'error', before, after, this.diff(before, after), streamError);
    }

    const after = await this.fetchState(sessionId);
    const changes = this.diff(before, after);
    if (transcript.hasVisibleText) return this.result(text, 'replied', before, after, changes);
    // Silent completion (~30% of edits): say what changed, never leave the person without an answer.
    this.opts.onEntry(this.describeChanges(before, after, changes));
    return this.result(text, 'silent', before, after, changes);
  }

  /** The stream dropped before a clean close: never re-send; poll the state until it moves (§6.3). */
  private async recover(text: string, sessionId: string, before: StateResponse | undefined, signal: AbortSignal): Promise<TurnResult> {
    const noticeId = this.nextId('d');
    this.opts.onEntry({ id: noticeId, role: 'working', text: 'The connection dropped. Checking whether your request went through…', pending: true, startedAt: this.now() });
    let after: StateResponse | null;
    try {
      after = await pollUntilChanged({
        before,
        fetchState: () => getState(this.opts.client, sessionId),
        delaysMs: this.opts.recoveryDelaysMs,
        sleep: this.opts.sleep ?? abortableSleep,
        signal,
      });
    } catch {
      this.opts.onEntry({ id: noticeId, role: 'working', text: 'Stopped checking.', pending: false });
      return this.result(text, 'cancelled', before, undefined, NO_CHANGES, userError('cancelled'));
    }
    this.opts.onEntry({ id: noticeId, role: 'working', text: 'The connection dropped. Checked the project again.', pending: false });
    if (after) {
      const changes = this.diff(before, after);
      this.known = { sessionId, state: after };
      this.opts.onEntry(this.describeChanges(before, after, changes));
      return this.result(text, 'recovered', before, after, changes);
    }
    const error = userError('stream.dropped', 'The connection dropped and the project did not change. Your message was not sent again, so nothing was charged twice. Try again when you are ready.', { kind: 'retry', label: 'Send again' });
    this.opts.onEntry({ id: this.nextId('e'), role: 'error', text: error.message, error });
    return this.result(text, 'lost', before, undefined, NO_CHANGES, error);
  }

  private async stopped(text: string, transcript: ChatTranscript, before: StateResponse | undefined, sessionId: string | undefined): Promise<TurnResult> {
    transcript.finish().forEach((entry) => this.opts.onEntry(entry));
    this.opts.onEntry({ id: this.nextId('x'), role: 'system', text: 'Stopped.' });
    const after = sessionId ? await this.fetchState(sessionId) : undefined;
    return this.result(text, 'cancelled', before, after, this.diff(before, after), userError('cancelled'));
  }

  private describeChanges(before: StateResponse | undefined, after: StateResponse | undefined, changes: { sentences: string[] }): ChatEntry {
    const id = this.nextId('c');
    if (changes.sentences.length > 0) return { id, role: 'assistant', text: `Done: ${changes.sentences.map((s) => s.replace(/\.$/, '')).join('; ')}.` };
    if (after && stateChanged(before, after)) return { id, role: 'assistant', text: 'Done. The project was updated (new media is in it); the timeline itself did not change.' };
    if (!after) return { id, role: 'system', text: 'The agent finished without a reply, and the project could not be checked. Say "status" to see the timeline.' };
    return { id, role: 'system', text: 'The agent finished without a reply, and nothing in the timeline changed.' };
  }

  private async fetchState(sessionId: string): Promise<StateResponse | undefined> {
    try {
      const state = await getState(this.opts.client, sessionId);
      this.known = { sessionId, state };
      return state;
    } catch {
      return undefined;
    }
  }

  private diff(before: StateResponse | undefined, after: StateResponse | undefined): { sentences: string[]; changedIds: string[] } {
    if (!after) return NO_CHANGES;
    return diffDrafts(before?.state?.draft, after.state?.draft);
  }

  private result(
    text: string,
    outcome: TurnOutcome,
    before: StateResponse | undefined,
    after: StateResponse | undefined,
    changes: { sentences: string[]; changedIds: string[] },
    error?: UserError,
  ): TurnResult {
    return { text, outcome, before, after, changes, ...(error ? { error } : {}) };
  }

  private nextId(kind: string): string {
    this.seq += 1;
    return `chat-${this.now().toString(36)}-${kind}${this.seq}`;
  }
}
