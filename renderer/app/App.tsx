import type { ReactElement } from 'react';
import { ChatPanel } from '../features/chat/ChatPanel';
import { ExportPanel } from '../features/export/ExportPanel';
import { MediaPanel } from '../features/media/MediaPanel';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { TimelinePanel } from '../features/timeline/TimelinePanel';
import { useBridgeSync } from '../hooks/useBridgeSync';
import { useGlobalErrors } from '../hooks/useGlobalErrors';
import { useLanguageSync } from '../hooks/useLanguageSync';
import { Header } from './Header';
import { Toasts } from './Toasts';

/** The window: header, then media · chat · export side by side, and the timeline along the bottom. */
export function App(): ReactElement {
  useBridgeSync();
  useLanguageSync();
  useGlobalErrors();
  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <MediaPanel />
        <ChatPanel />
        <ExportPanel />
        <TimelinePanel />
      </main>
      <SettingsDialog />
      <Toasts />
    </div>
  );
}
