/**
 * Turns received files into media records: ffprobe each one, and only when every file of the request probed
 * cleanly move them into place and record them. A corrupt file fails the whole request with 4001 and leaves
 * no file and no record behind.
 */
import { rename } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AppError, toUserError } from '../../../../shared/errors';
import type { EngineStore } from '../../store/store';
import type { SessionRecord, StoredMedia } from '../../store/schema';
import type { ProbePort, ProbeResult } from '../ports';
import { removeReceived, type ReceivedFile } from './file-sink';
import { unsupported } from './names';

export async function ingestFiles(
  files: ReceivedFile[],
  ctx: { store: EngineStore; session: SessionRecord; probe: ProbePort; now: () => number },
): Promise<StoredMedia[]> {
  const probed: Array<{ file: ReceivedFile; info: ProbeResult }> = [];
  try {
    for (const file of files) {
      if (file.size === 0) throw unsupported(`"${file.name}" is empty (0 bytes). Choose the file again.`);
      try {
        probed.push({ file, info: await ctx.probe(file.tmpPath, file.name) });
      } catch (err) {
        // The prober's AppError already names the file and says why; anything else gets our own words.
        const own = err instanceof AppError ? err.user.message : undefined;
        throw unsupported(own ?? `"${file.name}" could not be read as video, image or audio: ${reasonOf(err)}`);
      }
    }
  } catch (err) {
    await removeReceived(files);
    throw err;
  }
  const added: StoredMedia[] = [];
  for (const { file, info } of probed) {
    const id = ctx.store.nextMediaId();
    const path = join(ctx.store.mediaDir, `${id}${extname(file.name).toLowerCase()}`);
    await rename(file.tmpPath, path);
    const record: StoredMedia = {
      ...info,
      id,
      sessionId: ctx.session.id,
      name: file.name,
      path,
      size: file.size,
      createdAt: ctx.now(),
      hash: file.hash,
    };
    ctx.store.data.media[id] = record;
    ctx.session.mediaIds.push(id);
    added.push(record);
  }
  ctx.store.changed();
  return added;
}

/** The prober's own words ("no video or audio stream found"), without a leading "Something went wrong". */
function reasonOf(err: unknown): string {
  const message = toUserError(err).message.replace(/^Something went wrong:?\s*/i, '').trim();
  return message === '' ? 'the file is damaged or not a media file.' : message;
}
