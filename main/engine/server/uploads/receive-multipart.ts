/**
 * Streams every `files` part of a multipart upload to its own temporary file. All or nothing: on any failure
 * every file of this request is deleted before the error is thrown, so nothing is ever half-added.
 */
import type { IncomingMessage } from 'node:http';
import { badRequest, HttpError } from '../http-util';
import { MultipartError, MultipartParser } from '../multipart';
import { FileSink, removeReceived, type ReceivedFile } from './file-sink';
import { assertSupportedName, cleanFileName, unsupported } from './names';

const FILE_FIELDS = new Set(['files', 'file']);

export async function receiveMultipart(
  req: IncomingMessage,
  boundary: string,
  opts: { dir: string; maxBytes: number; maxFiles?: number },
): Promise<ReceivedFile[]> {
  const parser = new MultipartParser(boundary);
  const received: ReceivedFile[] = [];
  let current: FileSink | undefined;
  try {
    // destroyOnReturn false: stopping early must leave the socket open for the error reply.
    const chunks = req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
    for await (const chunk of chunks) {
      for (const event of parser.push(chunk)) {
        if (event.type === 'part') {
          const { name, filename } = event.headers;
          if (filename === undefined || !FILE_FIELDS.has(name)) continue;
          const clean = cleanFileName(filename);
          assertSupportedName(clean);
          if (received.length >= (opts.maxFiles ?? 100)) throw badRequest('Too many files in one upload.');
          current = new FileSink(opts.dir, clean, opts.maxBytes);
        } else if (event.type === 'data') {
          if (current) await current.write(event.data);
        } else if (event.type === 'partEnd') {
          if (current) received.push(await current.finish());
          current = undefined;
        }
      }
      if (parser.finished) break;
    }
    parser.end();
    if (received.length === 0) throw unsupported('No file was received. Send the files in the "files" form field.');
    return received;
  } catch (err) {
    await current?.discard();
    await removeReceived(received);
    if (err instanceof MultipartError) throw badRequest(err.message);
    if (err instanceof HttpError) throw err;
    // The client went away mid-upload (aborted request): report it plainly; the socket is gone anyway.
    throw new HttpError(400, 400, 'The upload was interrupted before it finished.');
  }
}
