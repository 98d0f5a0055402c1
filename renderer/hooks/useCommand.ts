import { useCallback } from 'react';
import type { CommandInput, CommandName, CommandOutput, UserError } from '../../shared/bridge';
import { toUserError } from '../../shared/errors';
import { useHost } from '../app/HostContext';

export type RunCommand = <C extends CommandName>(name: C, input: CommandInput<C>) => Promise<CommandOutput<C> | undefined>;

/**
 * Calls a bridge command. A failure becomes a toast (the one error path) and resolves to undefined,
 * so callers only handle success. `onError` lets a form show the error inline instead.
 */
export function useCommand(onError?: (error: UserError) => void): RunCommand {
  const { bridge, store } = useHost();
  return useCallback(
    async (name, input) => {
      try {
        // The mapped BridgeApi type can't be indexed generically; name and input are tied by RunCommand's signature.
        const call = bridge[name] as unknown as (arg: typeof input) => Promise<CommandOutput<typeof name>>;
        return await call.call(bridge, input);
      } catch (thrown) {
        const error = toUserError(thrown);
        if (onError) onError(error);
        else store.dispatch({ type: 'toast.push', toast: { level: 'error', message: error.message, error } });
        return undefined;
      }
    },
    [bridge, store, onError],
  ) as RunCommand;
}
