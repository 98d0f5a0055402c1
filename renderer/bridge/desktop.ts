/**
 * The desktop preload's API as the renderer uses it. contextBridge drops custom properties of thrown Errors, so the
 * preload rejects with the plain `{ bridgeError }` shape of shared/bridge.ts; here it becomes an AppError again.
 */
import { bridgeFailureSchema, commandNames, type BridgeApi } from '../../shared/bridge';
import { AppError, toUserError } from '../../shared/errors';

/** What preload/index.ts exposes as `window.videoBuilder`. */
export type DesktopBridgeApi = BridgeApi & { pathForFile(file: File): string };

export function asAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  const failure = bridgeFailureSchema.safeParse(reason);
  return new AppError(failure.success ? failure.data.bridgeError : toUserError(reason));
}

export function wrapDesktopBridge(raw: DesktopBridgeApi): BridgeApi {
  const api: Record<string, unknown> = {};
  const calls = raw as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  for (const name of commandNames) {
    api[name] = (input: unknown) =>
      calls[name]!(input ?? {}).catch((reason: unknown) => {
        throw asAppError(reason);
      });
  }
  api.on = raw.on.bind(raw);
  return api as BridgeApi;
}
