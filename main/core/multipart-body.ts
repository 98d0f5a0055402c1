/**
 * A multipart/form-data body streamed from disk with its exact length known up front, so a 500 MB upload never
 * sits in memory and the server still gets a Content-Length (some gateways refuse chunked uploads).
 */
import { createReadStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { mediaKindOf } from '../../shared/protocol';

export interface MultipartFile {
  path: string;
  /** The name the server sees (the user's file name). */
  name: string;
  size: number;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  mp4: 'video/mp4', mov: 'video/quicktime', avi: 'video/x-msvideo', webm: 'video/webm', mkv: 'video/x-matroska',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
  mp3: 'audio/mpeg', wav: 'audio/wav', m4a: 'audio/mp4', aac: 'audio/aac',
};

export function mimeTypeOf(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return mediaKindOf(name) ? (MIME_BY_EXTENSION[ext] ?? 'application/octet-stream') : 'application/octet-stream';
}

export function newBoundary(): string {
  return `----VideoBuilder${randomBytes(12).toString('hex')}`;
}

/** Quotes and line breaks would end the header early; browsers percent-encode them the same way. */
function quoteFileName(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export interface MultipartLayout {
  heads: Buffer[];
  tail: Buffer;
  contentLength: number;
}

/** Every byte of the body except the file contents, and the total length. */
export function multipartLayout(files: MultipartFile[], boundary: string, fieldName = 'files'): MultipartLayout {
  const heads = files.map((file, i) =>
    Buffer.from(
      `${i === 0 ? '' : '\r\n'}--${boundary}\r\n` +
        `Content-Disposition: form-data; name="${fieldName}"; filename="${quoteFileName(file.name)}"\r\n` +
        `Content-Type: ${mimeTypeOf(file.name)}\r\n\r\n`,
    ),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const contentLength = heads.reduce((n, h) => n + h.length, 0) + files.reduce((n, f) => n + f.size, 0) + tail.length;
  return { heads, tail, contentLength };
}

/** The body as a stream; `onBytes` gets the running total of bytes handed to the socket. */
export function multipartStream(files: MultipartFile[], boundary: string, onBytes?: (sent: number) => void): Readable {
  const { heads, tail } = multipartLayout(files, boundary);
  let sent = 0;
  const count = (chunk: Buffer): Buffer => {
    sent += chunk.length;
    onBytes?.(sent);
    return chunk;
  };
  async function* parts(): AsyncGenerator<Buffer> {
    for (const [i, file] of files.entries()) {
      yield count(heads[i] ?? Buffer.alloc(0));
      let read = 0;
      if (file.size > 0) {
        for await (const chunk of createReadStream(file.path, { start: 0, end: file.size - 1, highWaterMark: 64 * 1024 })) {
          read += (chunk as Buffer).length;
          yield count(chunk as Buffer);
        }
      }
      // A file that shrank after it was measured would leave the body shorter than its Content-Length.
      if (read !== file.size) throw new Error(`${file.name} changed while it was being uploaded`);
    }
    yield count(tail);
  }
  return Readable.from(parts(), { objectMode: false });
}
