/** Quitting while an export runs asks first; closing the last window then keeps the app in the tray. */
import type { MessageBoxOptions } from 'electron';

export function quitPrompt(running: number): MessageBoxOptions {
  return {
    type: 'question',
    buttons: ['Keep exporting', 'Quit anyway'],
    defaultId: 0,
    cancelId: 0,
    title: 'Video Builder',
    message: running === 1 ? 'An export is still running.' : `${running} exports are still running.`,
    detail: 'Quitting now stops it. Keep Video Builder open in the tray until it finishes?',
  };
}

/** Index of "Quit anyway" in quitPrompt's buttons. */
export const QUIT_ANYWAY = 1;

/** With no window left: stay alive in the tray while exports run (and on macOS, always). */
export function stayInTray(running: number, platform: NodeJS.Platform): boolean {
  return running > 0 || platform === 'darwin';
}
