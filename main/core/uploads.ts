/**
 * Uploads (protocol.md §3.5). Type and size are checked for every file before a single byte is sent; then one
 * request per file, so each has its own progress and can be cancelled on its own.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { UserError } from '../../shared/bridge';
import { AppError, appError, errorForApiCode } from '../../shared/errors';
import { API_PATHS, MAX_UPLOAD_BYTES, mediaKindOf, uploadResultSchema, type UploadedFile } from '../../shared/protocol';
import { parseData, type ApiClient } from './http-client';

export function checkUploadable(file: { name: string; size: number }): UserError | null {
  if (mediaKindOf(file.name) === null) return errorForApiCode(4001);
  if (file.size > MAX_UPLOAD_BYTES) return errorForApiCode(4002);
  return null;
}

const API_CODE_OF: Record<string, number> = { 'media.unsupported': 4001, 'media.too-large': 4002 };

export async function uploadFiles(
  client: ApiClient,
  sessionId: string,
  paths: string[],
  opts: { onProgress?: (index: number, loaded: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<UploadedFile[]> {
  const files: Array<{ path: string; name: string }> = [];
  for (const filePath of paths) {
    const name = path.basename(filePath);
    const info = await stat(filePath).catch((err: unknown) => {
      throw appError('file.missing', `${name} could not be found. It may have been moved or deleted.`, undefined, { cause: err });
    });
    if (!info.isFile()) throw appError('file.missing', `${name} is not a file.`);
    const problem = checkUploadable({ name, size: info.size });
    if (problem) throw new AppError({ ...problem, message: `${name}: ${problem.message}` }, { apiCode: API_CODE_OF[problem.code] });
    files.push({ path: filePath, name });
  }
  const uploaded: UploadedFile[] = [];
  for (const [index, file] of files.entries()) {
    const data = await client.uploadMultipart(API_PATHS.upload(sessionId), [file], {
      signal: opts.signal,
      onProgress: (loaded, total) => opts.onProgress?.(index, loaded, total),
    });
    uploaded.push(...parseData(uploadResultSchema, data).files);
  }
  return uploaded;
}

export async function uploadUrls(client: ApiClient, sessionId: string, urls: string[], opts: { signal?: AbortSignal } = {}): Promise<UploadedFile[]> {
  const result = await client.json('POST', API_PATHS.upload(sessionId), uploadResultSchema, {
    body: { urls, source_type: 'url' },
    retry: false,
    signal: opts.signal,
  });
  return result.files;
}
