/**
 * The browser mode's staging route: a browser cannot tell us a dropped file's path, so it streams the file here
 * and gets a local path back for `media.add`. Bytes go straight to disk; the upload limit is checked as they
 * arrive, so an oversized body is cut off without filling the disk.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class StageError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A file name safe to create in the staging folder, keeping what the user will recognise. */
export function safeFileName(raw: string | undefined): string | null {
  if (!raw) return null;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return null;
  }
  // Only the last segment: a name is never a path.
  name = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
  if (name === '' || name === '.' || name === '..') return null;
  if (name.length > 200) {
    const ext = path.extname(name).slice(0, 16);
    name = name.slice(0, 200 - ext.length) + ext;
  }
  return name;
}

function limitBytes(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new StageError(413, 'This file is larger than the upload limit.'));
      else done(null, chunk);
    },
  });
}

/** Streams the request body to `<stageDir>/<random>/<name>` and returns that path. */
export async function receiveStagedFile(req: IncomingMessage, stageDir: string, maxBytes: number): Promise<string> {
  const header = req.headers['x-file-name'];
  const name = safeFileName(Array.isArray(header) ? header[0] : header);
  if (!name) throw new StageError(400, 'The file name is missing.');
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) throw new StageError(413, 'This file is larger than the upload limit.');
  const folder = path.join(stageDir, randomBytes(8).toString('hex'));
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const target = path.join(folder, name);
  try {
    await pipeline(req, limitBytes(maxBytes), createWriteStream(target, { mode: 0o600 }));
  } catch (err) {
    await rm(folder, { recursive: true, force: true });
    if (err instanceof StageError) throw err;
    throw new StageError(400, 'The upload was interrupted.');
  }
  return target;
}

/** True when `file` lies inside `stageDir` (browser mode only adds staged files; see staged-only.ts). */
export function isInside(folder: string, file: string): boolean {
  const base = path.resolve(folder);
  const full = path.resolve(file);
  return full.startsWith(base + path.sep);
}
