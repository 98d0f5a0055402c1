import { useCallback } from 'react';
import { useHost } from '../../app/HostContext';
import { toUserError } from '../../../shared/errors';
import { useCommand } from '../../hooks/useCommand';
import { screenFiles } from './screenFiles';

let batch = 0;

/**
 * Adds dropped or picked files: refuses the unusable ones on the spot, stages the rest (browser mode
 * copies them to the host with progress) and hands their paths to main in one `media.add`.
 */
export function useAddFiles(): (files: File[]) => Promise<void> {
  const { stageFiles, store } = useHost();
  const run = useCommand();
  return useCallback(
    async (files: File[]) => {
      const { accepted, refused } = screenFiles(files);
      batch += 1;
      if (refused.length > 0) {
        store.dispatch({ type: 'refused.add', files: refused.map((file, i) => ({ ...file, id: `refused-${batch}-${i}` })) });
      }
      if (accepted.length === 0) return;
      const staging = accepted.map((file, i) => ({ id: `staging-${batch}-${i}`, name: file.name, size: file.size, loaded: 0 }));
      store.dispatch({ type: 'staging.add', files: staging });
      const ids = staging.map((file) => file.id);
      try {
        const paths = await stageFiles(accepted, (index, loaded) => {
          const id = ids[index];
          if (id) store.dispatch({ type: 'staging.progress', id, loaded });
        });
        if (paths.length > 0) await run('media.add', { paths });
      } catch (thrown) {
        const error = toUserError(thrown);
        store.dispatch({ type: 'toast.push', toast: { level: 'error', message: error.message, error } });
      } finally {
        store.dispatch({ type: 'staging.remove', ids });
      }
    },
    [stageFiles, store, run],
  );
}
