import { MAX_UPLOAD_BYTES, mediaKindOf } from '../../../shared/protocol';
import type { RefusedFile } from '../../state/types';

export interface Screened<F> {
  accepted: F[];
  refused: Array<Omit<RefusedFile, 'id'>>;
}

/** Sorts files into the ones we can use and the ones refused before a single byte is sent (type, then size). */
export function screenFiles<F extends { name: string; size: number }>(files: readonly F[]): Screened<F> {
  const accepted: F[] = [];
  const refused: Screened<F>['refused'] = [];
  for (const file of files) {
    if (mediaKindOf(file.name) === null) refused.push({ name: file.name, reason: 'unsupported' });
    else if (file.size > MAX_UPLOAD_BYTES) refused.push({ name: file.name, reason: 'too-large' });
    else accepted.push(file);
  }
  return { accepted, refused };
}
