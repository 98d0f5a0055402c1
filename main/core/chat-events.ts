/**
 * One SSE `data` payload of `/run_sse` → what it means for the person (protocol.md §4.5 steps 1–4).
 * Pure: the runner decides what to show; this only classifies.
 */
import { adkEventSchema, isKeepAlive } from '../../shared/protocol';

export type ChatSignal =
  | { kind: 'keep-alive' }
  /** Not JSON, or JSON that carries nothing we show (function responses, user echoes, unknown parts). */
  | { kind: 'ignored' }
  | { kind: 'text'; text: string; partial: boolean }
  | { kind: 'tool'; name: string }
  | { kind: 'stream-error'; message: string }
  | { kind: 'model-error'; code: string; message: string };

/** ADK's f-string error line is not always valid JSON (§4.4): read its message by hand. */
function looseErrorMessage(raw: string): string | null {
  const match = /^\s*\{\s*"error"\s*:\s*"([\s\S]*)"\s*\}\s*$/.exec(raw);
  return match?.[1] ?? null;
}

/** Classifies one payload into zero or more signals (one event can carry several parts). */
export function classifyPayload(raw: string): ChatSignal[] {
  if (isKeepAlive(raw)) return [{ kind: 'keep-alive' }];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    const message = looseErrorMessage(raw);
    return message === null ? [{ kind: 'ignored' }] : [{ kind: 'stream-error', message }];
  }
  const parsed = adkEventSchema.safeParse(json);
  if (!parsed.success) return [{ kind: 'ignored' }];
  const event = parsed.data;
  const parts = event.content?.parts ?? [];

  if (typeof event.error === 'string' && parts.length === 0) return [{ kind: 'stream-error', message: event.error }];
  if (event.errorCode !== undefined || event.errorMessage !== undefined) {
    return [{ kind: 'model-error', code: event.errorCode ?? 'UNKNOWN_ERROR', message: event.errorMessage ?? '' }];
  }
  if (event.author === 'user') return [{ kind: 'ignored' }];

  const signals: ChatSignal[] = [];
  for (const part of parts) {
    if (part.functionCall) {
      signals.push({ kind: 'tool', name: part.functionCall.name });
    } else if (typeof part.text === 'string' && part.thought !== true && part.text.trim() !== '') {
      // Newer ADK reports a failed run as a system event "Error: …" (§4.4).
      const systemError = event.author === 'system' ? /^\s*Error:\s*([\s\S]*)$/.exec(part.text) : null;
      if (systemError) signals.push({ kind: 'stream-error', message: systemError[1] ?? '' });
      else signals.push({ kind: 'text', text: part.text, partial: event.partial === true });
    }
  }
  return signals.length > 0 ? signals : [{ kind: 'ignored' }];
}

/** NemoVideo's backend noise at the end of otherwise normal runs (§4.4). */
export function isTemporaryIssueNoise(text: string): boolean {
  return /^\s*I encountered a temporary issue/i.test(text);
}

/** Kinds of tool call, each with its English working line and the renderer's translation key (for the Chinese UI). */
const WORKING_KINDS: ReadonlyArray<{ pattern: RegExp; key: string; label: string }> = [
  { pattern: /generate_video|seedance/, key: 'chat.workingVideo', label: 'Working: generating a video clip…' },
  { pattern: /generate_music|suno/, key: 'chat.workingMusic', label: 'Working: making music…' },
  { pattern: /understand|analy[sz]e/, key: 'chat.workingMedia', label: 'Working: looking at your media…' },
  { pattern: /edit|draft|multitrack/, key: 'chat.workingTimeline', label: 'Working: editing the timeline…' },
  { pattern: /render|export/, key: 'chat.workingRender', label: 'Working: rendering…' },
];

interface WorkingLine {
  label: string;
  key: string;
  params?: Record<string, string>;
}

/** The working line for a tool call (names from protocol.md §4.3; the local engine's are plain verbs). */
function workingLine(toolName: string): WorkingLine {
  const name = toolName.toLowerCase();
  const kind = WORKING_KINDS.find(({ pattern }) => pattern.test(name));
  if (kind) return { label: kind.label, key: kind.key };
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words ? { label: `Working: ${words}…`, key: 'chat.workingNamed', params: { what: words } } : { label: 'Working…', key: 'chat.working' };
}

/** The renderer's translation key for a working line, so the Chinese UI says it in Chinese. */
export function workingKey(toolName: string): { key: string; params?: Record<string, string> } {
  const { key, params } = workingLine(toolName);
  return params ? { key, params } : { key };
}

export function workingLabel(toolName: string): string {
  return workingLine(toolName).label;
}
