/**
 * `{urls, source_type:"url"}` uploads: each URL is downloaded with undici, streamed to a temporary file under the
 * same size cap as multipart uploads. Only http(s) URLs; the name comes from Content-Disposition or the URL path.
 */
import { fetch } from 'undici';
import { HttpError } from '../http-util';
import { FileSink, removeReceived, type ReceivedFile } from './file-sink';
import { assertSupportedName, cleanFileName, extensionForContentType, tooLarge, unsupported } from './names';
import { mediaKindOf } from '../../../../shared/protocol';

export function nameFromUrl(url: URL, disposition: string | undefined, contentType: string | undefined): string {
  const fromHeader = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1];
  let raw = fromHeader ?? url.pathname.split('/').filter(Boolean).pop() ?? 'download';
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // keep the raw name: a stray % is not worth failing the upload for
  }
  const name = cleanFileName(raw);
  if (mediaKindOf(name) !== null) return name;
  const ext = extensionForContentType(contentType);
  return ext ? `${name}.${ext}` : name;
}

export async function fetchUrls(urls: string[], opts: { dir: string; maxBytes: number; signal?: AbortSignal }): Promise<ReceivedFile[]> {
  const received: ReceivedFile[] = [];
  try {
    for (const raw of urls) received.push(await fetchOne(raw, opts));
    return received;
  } catch (err) {
    await removeReceived(received);
    throw err;
  }
}

async function fetchOne(raw: string, opts: { dir: string; maxBytes: number; signal?: AbortSignal }): Promise<ReceivedFile> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw unsupported(`"${raw.slice(0, 100)}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw unsupported('Only http and https URLs can be uploaded.');
  let response: Awaited<ReturnType<typeof fetch>>;
  try {
    response = await fetch(url, { redirect: 'follow', ...(opts.signal ? { signal: opts.signal } : {}) });
  } catch {
    throw unsupported(`Could not download ${url.host}${url.pathname}: the server did not answer.`);
  }
  const headerText = (name: string): string | undefined => response.headers.get(name) ?? undefined;
  const body = response.body;
  if (!response.ok || !body) {
    await body?.cancel().catch(() => undefined);
    throw unsupported(`Could not download ${url.pathname.split('/').pop() || url.host}: the server answered HTTP ${response.status}.`);
  }
  const name = nameFromUrl(url, headerText('content-disposition'), headerText('content-type'));
  try {
    assertSupportedName(name);
    const length = Number(headerText('content-length') ?? NaN);
    if (Number.isFinite(length) && length > opts.maxBytes) throw tooLarge(name, opts.maxBytes);
  } catch (err) {
    await body.cancel().catch(() => undefined);
    throw err;
  }
  const sink = new FileSink(opts.dir, name, opts.maxBytes);
  try {
    for await (const chunk of body) await sink.write(Buffer.from(chunk));
    return await sink.finish();
  } catch (err) {
    await body.cancel().catch(() => undefined);
    await sink.discard();
    if (err instanceof HttpError) throw err;
    throw unsupported(`The download of "${name}" was interrupted.`);
  }
}
