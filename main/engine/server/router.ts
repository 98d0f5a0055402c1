/**
 * A tiny method + path router. Authentication happens here, before any handler runs, so a route cannot forget
 * it; errors become the route's envelope (gateway or render), never a stack trace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './auth';
import type { EngineServices, RequestContext } from './context';
import { HttpError, sendError, unauthorized, type Envelope } from './http-util';

export type Auth = 'none' | 'bearer' | 'bearer-or-signature';

export interface Route {
  method: 'GET' | 'POST' | 'HEAD';
  pattern: RegExp;
  auth: Auth;
  envelope: Envelope;
  handle(ctx: RequestContext): Promise<void>;
  /** For `bearer-or-signature` routes: whether the URL's signature is valid for this request. */
  signatureValid?(ctx: RequestContext): boolean;
}

export function createRequestHandler(routes: Route[], services: EngineServices): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void dispatch(routes, services, req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, err instanceof HttpError ? err : new HttpError(500, 500, 'The local engine hit an internal error.'));
    });
  };
}

async function dispatch(routes: Route[], services: EngineServices, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params = match.slice(1).map((part) => safeDecode(part ?? ''));
    const ctx: RequestContext = { req, res, url, params, auth: undefined, services };
    if (route.auth !== 'none') {
      ctx.auth = authenticate(services.store.data, req.headers.authorization, services.now());
      const signed = route.auth === 'bearer-or-signature' && route.signatureValid?.(ctx) === true;
      // 1001 always travels in the gateway envelope: its numeric code is what tells a client to renew the token.
      if (!ctx.auth && !signed) throw unauthorized();
    }
    await route.handle(ctx);
    return;
  }
  throw pathMatched ? new HttpError(405, 405, 'Method not allowed.') : new HttpError(404, 404, 'Not found.');
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
