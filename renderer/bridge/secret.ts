/**
 * The browser mode's per-run secret arrives once in the page URL (`?secret=…`). It is kept in sessionStorage so a
 * refresh still works, and taken out of the address bar so it does not end up in screenshots or shared links.
 */
import { WEB_SECRET_PARAM } from '../../shared/bridge-wire';

const STORAGE_KEY = 'videoBuilder.webSecret';

export interface SecretStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The secret from the query string if present (and remembered), else the remembered one. */
export function resolveWebSecret(search: string, storage: SecretStorage | undefined): string | undefined {
  const fromUrl = new URLSearchParams(search).get(WEB_SECRET_PARAM);
  if (fromUrl) {
    try {
      storage?.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the secret still works for this page load.
    }
    return fromUrl;
  }
  try {
    return storage?.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The same URL without the secret parameter (for history.replaceState). */
export function withoutSecret(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(WEB_SECRET_PARAM);
  return url.toString();
}

/** `ws://host/bridge?secret=…` for a page served from `http://host/`. */
export function bridgeSocketUrl(pageHref: string, secret: string | undefined, path: string): string {
  const page = new URL(pageHref);
  const url = new URL(path, page);
  url.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  if (secret) url.searchParams.set(WEB_SECRET_PARAM, secret);
  return url.toString();
}
