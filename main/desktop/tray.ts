/** The tray icon: running exports with their progress, "Show window" and "Quit". */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { ExportJob } from '../../shared/bridge';
import { trayMenuItems, trayTooltip, type TrayItem } from './tray-menu';

export interface AppTray {
  update(running: ExportJob[]): void;
  destroy(): void;
}

export function toMenuTemplate(items: TrayItem[], actions: { show(): void; quit(): void }): MenuItemConstructorOptions[] {
  return items.map((item) => {
    if (item.separator) return { type: 'separator' };
    const action = item.action;
    return {
      label: item.label,
      enabled: item.enabled ?? true,
      ...(action ? { click: () => actions[action]() } : {}),
    };
  });
}

export function createAppTray(iconPath: string, actions: { show(): void; quit(): void }): AppTray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  const update = (running: ExportJob[]) => {
    tray.setToolTip(trayTooltip(running));
    tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(trayMenuItems(running), actions)));
  };
  tray.on('click', () => actions.show());
  update([]);
  return { update, destroy: () => tray.destroy() };
}
