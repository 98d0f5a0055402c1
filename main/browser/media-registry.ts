/**
 * The files a renderer may load as media: only those the user added (or exports the app wrote). Both hosts
 * hand out opaque ids, never paths, so a URL cannot name any other file on disk.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface MediaRegistry {
  /** The id for this file, the same one each time it is registered. */
  register(absPath: string): string;
  resolve(id: string): string | undefined;
}

export function createMediaRegistry(): MediaRegistry {
  const byId = new Map<string, string>();
  const byPath = new Map<string, string>();
  return {
    register(absPath) {
      const full = path.resolve(absPath);
      const known = byPath.get(full);
      if (known) return known;
      const id = randomBytes(12).toString('hex');
      byId.set(id, full);
      byPath.set(full, id);
      return id;
    },
    resolve: (id) => byId.get(id),
  };
}
