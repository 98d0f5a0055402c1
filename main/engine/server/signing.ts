/**
 * Signed file URLs. The client sends Authorization only to its API origin and a <video> element sends none,
 * so cdn_url/outputUrl carry an HMAC of their path instead; it cannot be guessed or moved to another file.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signPath(secret: string, path: string): string {
  return createHmac('sha256', secret).update(path).digest('base64url').slice(0, 32);
}

export function verifyPath(secret: string, path: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signPath(secret, path));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
