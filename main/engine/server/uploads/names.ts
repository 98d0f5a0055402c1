/** Upload names: what the person called the file, made safe to show and to keep (never used as a path). */
import { extname } from 'node:path';
import { mediaKindOf, SUPPORTED_EXTENSIONS } from '../../../../shared/protocol';
import { HttpError } from '../http-util';

/** The last path segment, without control characters, at most 200 characters; "file" when nothing is left. */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return 'file';
  if (cleaned.length <= 200) return cleaned;
  const ext = extname(cleaned).slice(0, 10);
  return cleaned.slice(0, 200 - ext.length) + ext;
}

export const SUPPORTED_LIST = Object.values(SUPPORTED_EXTENSIONS).flat().join(', ');

export function unsupported(message: string): HttpError {
  return new HttpError(400, 4001, message);
}

/** 4001 before a single byte is written when the extension is not on the whitelist (protocol.md §3.5). */
export function assertSupportedName(name: string): void {
  if (mediaKindOf(name) === null) {
    throw unsupported(`"${name}" is not a supported file type. Supported formats: ${SUPPORTED_LIST}.`);
  }
}

export function tooLarge(name: string, maxBytes: number): HttpError {
  const mb = Math.max(1, Math.round(maxBytes / (1024 * 1024)));
  return new HttpError(400, 4002, `"${name}" is larger than the ${mb} MB limit. Compress or trim it, then upload it again.`);
}

/** Extension for a URL download that has none in its name, from the server's Content-Type. */
export function extensionForContentType(contentType: string | undefined): string | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const map: Record<string, string> = {
    'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm', 'video/x-matroska': 'mkv', 'video/x-msvideo': 'avi',
    'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp',
    'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/mp4': 'm4a', 'audio/aac': 'aac',
  };
  return map[type];
}
