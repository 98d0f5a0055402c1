/**
 * Serving files with HTTP Range (RFC 9110 §14): players seek with `bytes=a-b`, `bytes=a-` and `bytes=-n`.
 * One range per request; multi-range requests get the whole file, which the RFC allows.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

export type RangeResult = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: 'full' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return { kind: 'full' };
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return { kind: 'full' };
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

const CONTENT_TYPES: Record<string, string> = {
  mp4: 'video/mp4', mov: 'video/quicktime', avi: 'video/x-msvideo', webm: 'video/webm', mkv: 'video/x-matroska',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
  mp3: 'audio/mpeg', wav: 'audio/wav', m4a: 'audio/mp4', aac: 'audio/aac',
};

export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[fileName.toLowerCase().split('.').pop() ?? ''] ?? 'application/octet-stream';
}

/** `attachment; filename*=UTF-8''…` so unicode names survive the download. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  filePath: string,
  opts: { downloadName: string; disposition: 'inline' | 'attachment' },
): Promise<void> {
  const { size } = await stat(filePath);
  const range = parseRange(req.headers.range, size);
  const common = {
    'Accept-Ranges': 'bytes',
    'Content-Type': contentTypeFor(opts.downloadName),
    'Content-Disposition': contentDisposition(opts.disposition, opts.downloadName),
    'Cache-Control': 'private, max-age=0',
  };
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
    res.end();
    return;
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  const headers = { ...common, 'Content-Length': size === 0 ? 0 : end - start + 1 };
  if (range.kind === 'partial') res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}` });
  else res.writeHead(200, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  // A client that stops watching mid-file closes the socket; that is not an engine error.
  await pipeline(createReadStream(filePath, { start, end }), res).catch(() => undefined);
}
