/**
 * Reply helpers in the two NemoVideo envelopes (protocol.md §2.2) and a size-limited JSON body reader.
 * Route handlers throw `HttpError`; the router turns it into the right envelope, so no stack ever reaches a client.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Envelope = 'gateway' | 'render';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** The envelope `code` (§2.3): 1001, 1002, 4001…, or the HTTP status for plain HTTP errors. */
    readonly code: number,
    message: string,
    readonly envelope: Envelope = 'gateway',
  ) {
    super(message);
  }
}

export const unauthorized = (): HttpError => new HttpError(401, 1001, 'Token invalid or expired. Request a new anonymous token.');
export const sessionNotFound = (): HttpError => new HttpError(404, 1002, 'Session not found. Create a new session.');
export const badRequest = (message: string, envelope: Envelope = 'gateway'): HttpError => new HttpError(400, 400, message, envelope);

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

export function sendOk(res: ServerResponse, data: unknown, message = 'success'): void {
  sendJson(res, 200, { code: 0, message, data });
}

export function sendRenderOk(res: ServerResponse, data: unknown): void {
  sendJson(res, 200, { success: true, data });
}

export function sendError(res: ServerResponse, err: HttpError): void {
  if (err.envelope === 'render') sendJson(res, err.status, { success: false, error: err.message });
  else sendJson(res, err.status, { code: err.code, message: err.message, data: null });
}

/** Reads a small JSON body (requests other than uploads are tiny; the cap stops a client from filling memory). */
export async function readJsonBody(req: IncomingMessage, maxBytes = 8 * 1024 * 1024, envelope: Envelope = 'gateway'): Promise<unknown> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) throw new HttpError(413, 413, 'Request body too large.', envelope);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON.', envelope);
  }
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first.trim();
}
