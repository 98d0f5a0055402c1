/**
 * Who may talk to the browser mode: a request must come to our own loopback address (a DNS-rebinding page
 * arrives with a foreign Host), a WebSocket must come from our own page (Origin), and anything that acts
 * (the bridge, staging, media) must carry the per-run secret.
 */
import { timingSafeEqual } from 'node:crypto';
import { WEB_SECRET_PARAM } from '../../shared/bridge-wire';

export function secretMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The secret carried by a request URL (path plus query). */
export function secretFromUrl(requestUrl: string | undefined): string | null {
  if (!requestUrl) return null;
  return new URL(requestUrl, 'http://127.0.0.1').searchParams.get(WEB_SECRET_PARAM);
}

function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && loopbackHosts(port).includes(hostHeader.toLowerCase());
}

/** Browsers always send Origin on a WebSocket; only our own page's origin may open the bridge. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && loopbackHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}
