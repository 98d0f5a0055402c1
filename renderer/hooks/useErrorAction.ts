import { useCallback } from 'react';
import type { UserError } from '../../shared/bridge';
import { useCommand } from './useCommand';
import { useDispatch } from './useAppState';

/** What a click on an error's action does; `retry` is the caller's to define (resend, re-export…). */
export function useErrorAction(retry?: () => void): (error: UserError) => void {
  const run = useCommand();
  const dispatch = useDispatch();
  return useCallback(
    (error: UserError) => {
      const action = error.action;
      if (!action) return;
      switch (action.kind) {
        case 'link':
          if (action.url) void run('link.open', { url: action.url });
          break;
        case 'retry':
          retry?.();
          break;
        case 'settings':
        case 'reauth':
          dispatch({ type: 'settings.open' });
          break;
        case 'new-session':
          void run('project.new', {});
          break;
        default:
          break;
      }
    },
    [run, dispatch, retry],
  );
}
