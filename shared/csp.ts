/**
 * The renderer's Content-Security-Policy, in one place: renderer/index.html carries it as a meta tag, and the
 * hosts send it as a header as well (the header can also forbid framing, which a meta tag cannot).
 * `media:` is the desktop's scheme for the user's own files; `ws://127.0.0.1:*` is the browser mode's bridge.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob: media:"],
  ['media-src', "'self' blob: media:"],
  ['connect-src', "'self' media: ws://127.0.0.1:*"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

function join(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The policy for the meta tag in renderer/index.html. */
export const RENDERER_CSP = join(CSP_DIRECTIVES);

/** The header the hosts send with the app shell: the same policy, and no framing by other pages. */
export const RENDERER_CSP_HEADER = join([...CSP_DIRECTIVES, ['frame-ancestors', "'none'"]]);
