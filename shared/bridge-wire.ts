/**
 * How the bridge table of shared/bridge.ts travels: the result envelope every host returns for a command
 * (Electron IPC and the browser mode's WebSocket alike), and the WebSocket frames. Validated on both ends.
 */
import { z } from 'zod';
import { userErrorSchema } from './bridge';

/** A command's answer across any transport: the output, or a user-facing error (never a stack). */
export const bridgeResultSchema = z.union([
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: userErrorSchema }),
]);
export type BridgeResult = z.infer<typeof bridgeResultSchema>;

/** The name of the IPC channel that carries one command (one channel per command, never a generic invoke). */
export function ipcChannelFor(command: string): string {
  return `vb:${command}`;
}
/** The single IPC channel main uses to push events to the renderer. */
export const IPC_EVENT_CHANNEL = 'vb:event';

const callId = z.number().int().nonnegative();

/** Renderer → host over the WebSocket. */
export const wsClientMessageSchema = z.object({
  type: z.literal('call'),
  id: callId,
  command: z.string().min(1).max(100),
  input: z.unknown(),
});
export type WsClientMessage = z.infer<typeof wsClientMessageSchema>;

/** Host → renderer over the WebSocket (and the event envelope over IPC). */
export const wireEventSchema = z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() });
export type WireEvent = z.infer<typeof wireEventSchema>;

export const wsServerMessageSchema = z.union([
  z.object({ type: z.literal('result'), id: callId, ok: z.literal(true), output: z.unknown() }),
  z.object({ type: z.literal('result'), id: callId, ok: z.literal(false), error: userErrorSchema }),
  wireEventSchema,
]);
export type WsServerMessage = z.infer<typeof wsServerMessageSchema>;

/** Query parameter (HTTP and the WebSocket upgrade) that carries the browser mode's per-run secret. */
export const WEB_SECRET_PARAM = 'secret';
/** The WebSocket path of the browser mode. */
export const WS_BRIDGE_PATH = '/bridge';
/** The browser mode's staging upload route. */
export const STAGE_PATH = '/stage';
/** The request header that carries the staged file's name, URL-encoded. */
export const STAGE_NAME_HEADER = 'x-file-name';
export const stageResponseSchema = z.object({ path: z.string().min(1) });
