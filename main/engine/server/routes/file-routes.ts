/**
 * Uploaded media and finished renders, with HTTP Range. Reachable with the bearer token or with the signature
 * that cdn_url/outputUrl carry (a <video> element cannot send Authorization).
 */
import type { RequestContext } from '../context';
import { HttpError } from '../http-util';
import type { Route } from '../router';
import { mediaPath, renderPath } from '../file-urls';
import { serveFile } from '../range';
import { verifyPath } from '../signing';
import { existsSync } from 'node:fs';

const notFound = (): HttpError => new HttpError(404, 404, 'File not found.');

function signatureFor(path: (id: string) => string): (ctx: RequestContext) => boolean {
  return (ctx) => verifyPath(ctx.services.store.data.secret, path(ctx.params[0] ?? ''), ctx.url.searchParams.get('sig'));
}
const mediaSigned = signatureFor(mediaPath);
const renderSigned = signatureFor(renderPath);

export const fileRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/files\/media\/([^/]+)$/,
    auth: 'bearer-or-signature',
    envelope: 'gateway',
    signatureValid: mediaSigned,
    async handle(ctx) {
      const media = ctx.services.store.data.media[ctx.params[0] ?? ''];
      if (!media || !existsSync(media.path)) throw notFound();
      // With a bearer token (no signature) only the owner's own media is served.
      if (!mediaSigned(ctx) && ctx.services.store.data.sessions[media.sessionId]?.userId !== ctx.auth?.userId) throw notFound();
      await serveFile(ctx.req, ctx.res, media.path, { downloadName: media.name, disposition: 'inline' });
    },
  },
  {
    method: 'GET',
    pattern: /^\/files\/renders\/([^/]+)\.mp4$/,
    auth: 'bearer-or-signature',
    envelope: 'gateway',
    signatureValid: renderSigned,
    async handle(ctx) {
      const record = ctx.services.renders.get(ctx.params[0] ?? '');
      if (!record || record.status !== 'completed' || !existsSync(record.outPath)) throw notFound();
      if (!renderSigned(ctx) && record.userId !== ctx.auth?.userId) throw notFound();
      await serveFile(ctx.req, ctx.res, record.outPath, { downloadName: `${record.id}.mp4`, disposition: 'inline' });
    },
  },
];
