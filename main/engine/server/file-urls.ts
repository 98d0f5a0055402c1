/** Absolute, signed URLs of the engine's files (see signing.ts for why they carry a signature). */
import type { StoredMedia, RenderRecord } from '../store/schema';
import type { EngineServices } from './context';
import { signPath } from './signing';

export const mediaPath = (id: string): string => `/files/media/${encodeURIComponent(id)}`;
export const renderPath = (id: string): string => `/files/renders/${encodeURIComponent(id)}.mp4`;

function signed(services: EngineServices, path: string, name?: string): string {
  const sig = signPath(services.store.data.secret, path);
  const nameParam = name ? `&name=${encodeURIComponent(name)}` : '';
  return `${services.baseUrl()}${path}?sig=${sig}${nameParam}`;
}

export function mediaUrl(services: EngineServices, media: StoredMedia): string {
  return signed(services, mediaPath(media.id), media.name);
}

export function outputUrl(services: EngineServices, record: RenderRecord): string {
  return signed(services, renderPath(record.id));
}
