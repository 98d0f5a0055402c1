import type { ReactElement } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { HostContext, type Host } from './HostContext';

/** Everything the app needs from outside, handed in once (main.tsx in the app, a fake bridge in tests). */
export function Root({ host, i18n }: { host: Host; i18n: I18n }): ReactElement {
  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <HostContext.Provider value={host}>
          <App />
        </HostContext.Provider>
      </ErrorBoundary>
    </I18nextProvider>
  );
}
