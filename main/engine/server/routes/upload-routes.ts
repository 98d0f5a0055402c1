/**
 * protocol.md §3.5: multipart (`files`, repeatable) or `{urls, source_type:"url"}`. Files stream to disk, are
 * probed, and only then become media of the session. A refused upload leaves nothing behind.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { badRequest, header, HttpError, readJsonBody, sendError, sendOk } from '../http-util';
import { boundaryFrom } from '../multipart';
import type { Route } from '../router';
import type { RequestContext } from '../context';
import { fileObject } from '../state-view';
import { mediaUrl } from '../file-urls';
import { fetchUrls } from '../uploads/fetch-url';
import { ingestFiles } from '../uploads/ingest';
import { receiveMultipart } from '../uploads/receive-multipart';
import { requireSession } from './session-access';

const urlBodySchema = z.looseObject({ urls: z.array(z.string().max(4096)).min(1).max(50), source_type: z.string().optional() });

/** Past this many unread bytes a refused upload's socket is closed instead of read to the end. */
const MAX_DRAIN_BYTES = 32 * 1024 * 1024;

export const uploadRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/upload-video\/nemo_agent\/([^/]+)\/([^/]+)\/?$/,
    auth: 'bearer',
    envelope: 'gateway',
    async handle(ctx) {
      try {
        await upload(ctx);
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        replyAndStopReading(ctx.req, ctx.res, err);
      }
    },
  },
];

async function upload(ctx: RequestContext): Promise<void> {
  const session = requireSession(ctx, ctx.params[1] ?? '', ctx.params[0]);
  const { store, ports, config, now } = ctx.services;
  const contentType = header(ctx.req, 'content-type') ?? '';
  const target = { dir: store.mediaDir, maxBytes: config.maxUploadBytes };
  let received;
  if (/^application\/json\b/i.test(contentType)) {
    const body = urlBodySchema.safeParse(await readJsonBody(ctx.req));
    if (!body.success) throw badRequest('Send {"urls": [...], "source_type": "url"} with at least one URL.');
    const abort = new AbortController();
    ctx.res.on('close', () => abort.abort());
    received = await fetchUrls(body.data.urls, { ...target, signal: abort.signal });
  } else {
    const boundary = boundaryFrom(contentType);
    if (!boundary) throw badRequest('Upload files as multipart/form-data in the "files" field, or send JSON with "urls".');
    received = await receiveMultipart(ctx.req, boundary, target);
  }
  const added = await ingestFiles(received, { store, session, probe: ports.probe, now });
  await store.flush();
  sendOk(ctx.res, { files: added.map((media) => fileObject(media, mediaUrl(ctx.services, media))), session_state_applied: true });
}

/**
 * Sends the refusal while the client may still be sending. A small remainder is read and dropped so the client
 * sees our reply rather than a reset; a large one (an oversize file) is not worth reading: the socket closes.
 */
function replyAndStopReading(req: IncomingMessage, res: ServerResponse, err: HttpError): void {
  if (req.complete || req.destroyed) {
    sendError(res, err);
    return;
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  const remaining = Number.isFinite(declared) ? declared - req.socket.bytesRead : Infinity;
  if (remaining <= MAX_DRAIN_BYTES) {
    req.resume();
    sendError(res, err);
    return;
  }
  res.setHeader('Connection', 'close');
  res.on('finish', () => setTimeout(() => req.socket.destroy(), 50).unref());
  sendError(res, err);
}
