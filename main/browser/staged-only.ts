/**
 * In browser mode every file arrives through the staging route, so `media.add` only accepts staged paths.
 * Whoever holds the page's secret can then never make the host read (and preview or upload) any other file.
 */
import { commandNames, type CommandHandlers } from '../../shared/bridge';
import { AppError } from '../../shared/errors';
import { isInside } from './stage-upload';

export function onlyStagedMedia(handlers: CommandHandlers, stageDir: string): CommandHandlers {
  // Delegate at call time, so the wrapped table always reflects the app's current handlers.
  const wrapped = Object.fromEntries(
    commandNames.map((name) => [name, (input: unknown) => (handlers[name] as (i: unknown) => Promise<unknown>)(input)]),
  ) as unknown as CommandHandlers;
  wrapped['media.add'] = async (input) => {
    if (!input.paths.every((p) => isInside(stageDir, p))) {
      throw new AppError({ code: 'media.not-staged', message: 'Add files with the Add media button or by dropping them on the window.' });
    }
    return handlers['media.add'](input);
  };
  return wrapped;
}
