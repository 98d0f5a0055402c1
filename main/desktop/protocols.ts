/**
 * The two custom schemes. `app://bundle/…` serves the built renderer (so the page has a real origin and never
 * runs from file://); `media://file/<id>` serves only the files the user added, by opaque id, with Range.
 * The response builders take a plain Request and return a Response, so they are tested without Electron.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { CustomScheme } from 'electron';
import { RENDERER_CSP_HEADER } from '../../shared/csp';
import type { MediaRegistry } from '../browser/media-registry';
import { parseRange } from '../browser/range';
import { contentTypeFor, resolveStaticPath } from '../browser/static-path';

export const APP_SCHEME = 'app';
export const MEDIA_SCHEME = 'media';
const MEDIA_HOST = 'file';

/** Must be registered before the app's `ready` event. */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
];

export function mediaUrlFor(id: string): string {
  return `${MEDIA_SCHEME}://${MEDIA_HOST}/${encodeURIComponent(id)}`;
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff' };

function plain(status: number): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}

async function fileSize(file: string): Promise<number | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

function bodyOf(file: string, start: number, end: number): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
}

export async function appProtocolResponse(request: Request, rendererDir: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'bundle') return plain(404);
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405);
  const file = resolveStaticPath(rendererDir, url.pathname);
  const size = file ? await fileSize(file) : undefined;
  if (!file || size === undefined) return plain(404);
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': contentTypeFor(file), 'content-length': String(size) };
  if (file.endsWith('.html')) headers['content-security-policy'] = RENDERER_CSP_HEADER;
  const body = request.method === 'HEAD' || size === 0 ? null : bodyOf(file, 0, size - 1);
  return new Response(body, { status: 200, headers });
}

export async function mediaProtocolResponse(request: Request, registry: MediaRegistry): Promise<Response> {
  const url = new URL(request.url);
  if (url.protocol !== `${MEDIA_SCHEME}:` || url.host !== MEDIA_HOST) return plain(404);
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405);
  let id: string;
  try {
    id = decodeURIComponent(url.pathname.slice(1));
  } catch {
    return plain(404);
  }
  const file = registry.resolve(id);
  const size = file ? await fileSize(file) : undefined;
  if (!file || size === undefined) return plain(404);
  const base = { ...SECURITY_HEADERS, 'content-type': contentTypeFor(file), 'accept-ranges': 'bytes' };
  const range = parseRange(request.headers.get('range'), size);
  if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...base, 'content-range': `bytes */${size}` } });
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  const headers = { ...base, 'content-length': String(length), ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}) };
  const body = request.method === 'HEAD' || length === 0 ? null : bodyOf(file, start, end);
  return new Response(body, { status: range ? 206 : 200, headers });
}
