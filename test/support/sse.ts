/**
 * SSE for scripted servers: ADK-shaped events (protocol.md §4.2), every keep-alive form of §4.1, and a writer
 * that can pause, inject raw bytes or drop the connection mid-stream.
 */
import type { ServerResponse } from 'node:http';

export type KeepAliveForm = 'json' | 'empty' | 'comment' | 'word' | 'whitespace';

/** The exact bytes of each keep-alive form a client must tolerate. */
export const KEEP_ALIVE_FRAMES: Record<KeepAliveForm, string> = {
  json: 'data: {"type":"heartbeat"}\n\n',
  empty: 'data:\n\n',
  comment: ': keep-alive\n\n',
  word: 'data: heartbeat\n\n',
  whitespace: 'data:   \n\n',
};

export type SseStep =
  /** An event object, written as one `data:` line of JSON. */
  | { event: unknown }
  /** Bytes written as they are (broken frames, `\r\n` endings, invalid JSON...). */
  | { raw: string }
  | { keepAlive: KeepAliveForm }
  | { delayMs: number }
  /** Destroy the socket here: the client sees the stream break without a clean end. */
  | { drop: true };

export function sseFrame(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

const INVOCATION = 'e-00000000-0000-4000-8000-000000000000';
let eventSeq = 0;

function adkEvent(role: 'model' | 'user', parts: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const actions = { stateDelta: {}, artifactDelta: {}, requestedAuthConfigs: {} };
  eventSeq += 1;
  return { content: { role, parts }, invocationId: INVOCATION, author: 'nemo_agent', actions, id: `ev${String(eventSeq).padStart(6, '0')}`, timestamp: 1773423600 + eventSeq, ...extra };
}

export const adk = {
  text: (text: string) => adkEvent('model', [{ text }]),
  call: (name: string, args: Record<string, unknown> = {}) =>
    adkEvent('model', [{ functionCall: { id: `adk-call-${name}`, name, args } }], { longRunningToolIds: [] }),
  response: (name: string, response: unknown = { status: 'success' }) =>
    adkEvent('user', [{ functionResponse: { id: `adk-call-${name}`, name, response } }]),
  /** ADK v1.4.2 style in-stream failure. */
  error: (message: string) => ({ error: message }),
};

/** A normal run (§4.3): text, tool call, keep-alive, tool result, closing text. */
export function defaultRun(): SseStep[] {
  return [
    { event: adk.text('Sure, adding a title.') },
    { event: adk.call('edit_multitrack', { op: 'add_title', text: 'Hello' }) },
    { keepAlive: 'json' },
    { event: adk.response('edit_multitrack') },
    { event: adk.text('Done! I added the title "Hello".') },
  ];
}

/** Writes the steps as a 200 text/event-stream reply and ends it (or drops it, if a step says so). */
export async function writeSse(res: ServerResponse, steps: SseStep[]): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  res.flushHeaders();
  for (const step of steps) {
    if (res.destroyed) return;
    if ('delayMs' in step) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    else if ('drop' in step) return void res.socket?.destroy();
    else if ('raw' in step) res.write(step.raw);
    else if ('keepAlive' in step) res.write(KEEP_ALIVE_FRAMES[step.keepAlive]);
    else res.write(sseFrame(step.event));
  }
  res.end();
}
