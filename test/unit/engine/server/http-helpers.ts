/** Talking to an engine in tests with plain fetch: token, session, JSON calls, multipart uploads, SSE reading. */
import { createParser } from 'eventsource-parser';

export interface Conn {
  url: string;
  token: string;
  sessionId: string;
}

export const HEADERS = { 'X-Skill-Source': 'video-builder', 'X-Skill-Version': '0.1.0', 'X-Skill-Platform': 'unknown' };

export async function json(res: Response): Promise<Record<string, unknown> & { data?: unknown }> {
  return (await res.json()) as Record<string, unknown>;
}

export async function getToken(url: string, clientId = 'client-1'): Promise<string> {
  const res = await fetch(`${url}/api/auth/anonymous-token`, { method: 'POST', headers: { 'X-Client-Id': clientId } });
  const body = (await res.json()) as { data: { token: string } };
  return body.data.token;
}

export async function connect(url: string, clientId = 'client-1'): Promise<Conn> {
  const token = await getToken(url, clientId);
  const res = await fetch(`${url}/api/tasks/me/with-session/nemo_agent`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...HEADERS },
    body: JSON.stringify({ task_name: 'project', language: 'en' }),
  });
  const body = (await res.json()) as { data: { session_id: string } };
  return { url, token, sessionId: body.data.session_id };
}

export function auth(conn: Conn, extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${conn.token}`, ...HEADERS, ...extra };
}

export async function upload(conn: Conn, files: Array<{ name: string; data: Buffer | Uint8Array }>): Promise<Response> {
  const form = new FormData();
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.data)]), file.name);
  return fetch(`${conn.url}/api/upload-video/nemo_agent/me/${conn.sessionId}`, { method: 'POST', headers: auth(conn), body: form });
}

export async function state(conn: Conn): Promise<{ video_infos: Array<Record<string, unknown>>; draft: { t: unknown[]; d: number; m: Record<string, unknown> }; canvas_config: Record<string, unknown> }> {
  const res = await fetch(`${conn.url}/api/state/nemo_agent/me/${conn.sessionId}/latest`, { headers: auth(conn) });
  const body = (await res.json()) as { data: { state: never } };
  return body.data.state;
}

export interface SseRun {
  status: number;
  contentType: string;
  /** Raw `data` payloads in order, keep-alives included. */
  payloads: string[];
  firstEventMs: number;
}

export async function runSse(conn: Conn, text: string, sessionId = conn.sessionId): Promise<SseRun> {
  const started = performance.now();
  const res = await fetch(`${conn.url}/run_sse`, {
    method: 'POST',
    headers: auth(conn, { 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
    body: JSON.stringify({ app_name: 'nemo_agent', user_id: 'me', session_id: sessionId, new_message: { role: 'user', parts: [{ text }] } }),
  });
  const contentType = res.headers.get('content-type') ?? '';
  const payloads: string[] = [];
  let firstEventMs = -1;
  if (!contentType.startsWith('text/event-stream') || !res.body) {
    payloads.push(await res.text());
    return { status: res.status, contentType, payloads, firstEventMs };
  }
  const parser = createParser({
    onEvent(event) {
      if (firstEventMs < 0) firstEventMs = performance.now() - started;
      payloads.push(event.data);
    },
  });
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) parser.feed(decoder.decode(next.value, { stream: true }));
  return { status: res.status, contentType, payloads, firstEventMs };
}

export async function pollUntilDone(conn: Conn, id: string, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${conn.url}/api/render/proxy/lambda/${id}`, { headers: auth(conn) });
    const body = (await res.json()) as { data: Record<string, unknown> };
    if (body.data.status === 'completed' || body.data.status === 'failed') return body.data;
    if (Date.now() > deadline) throw new Error(`render ${id} still ${String(body.data.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
