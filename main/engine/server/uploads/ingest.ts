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

/**
 * ffprobe's own start-up dominates a probe (~0.1–0.3 s per file); a few at once overlap that wait. Small, because
 * the machine may be rendering at the same time.
 */
const PROBE_CONCURRENCY = 3;

/** Like Promise.all over `items` with at most `limit` running; every task settles before the first error is thrown. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) {
      try {
        results[i] = { status: 'fulfilled', value: await task(items[i] as T) };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<R>).value);
}

export async function ingestFiles(
  files: ReceivedFile[],
  ctx: { store: EngineStore; session: SessionRecord; probe: ProbePort; now: () => number },
): Promise<StoredMedia[]> {
  let probed: Array<{ file: ReceivedFile; info: ProbeResult }>;
  try {
    probed = await mapLimit(files, PROBE_CONCURRENCY, async (file) => {
      if (file.size === 0) throw unsupported(`"${file.name}" is empty (0 bytes). Choose the file again.`);
      try {
        return { file, info: await ctx.probe(file.tmpPath, file.name) };
      } catch (err) {
        // The prober's AppError already names the file and says why; anything else gets our own words.
        const own = err instanceof AppError ? err.user.message : undefined;
        throw unsupported(own ?? `"${file.name}" could not be read as video, image or audio: ${reasonOf(err)}`);
      }
    });
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
