import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Trans } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** Injected in tests; the app reloads the window. */
  onReload?: () => void;
}

/** The last line: a render fault shows a friendly screen with Reload, never a blank window or a stack trace. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Developers still get the details in the devtools console; people only see the screen below.
    console.error('Renderer fault', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const reload = this.props.onReload ?? (() => window.location.reload());
    return (
      <main className="fault" role="alert">
        <div className="fault__card">
          <div className="fault__icon" aria-hidden="true">!</div>
          <h1><Trans i18nKey="boundary.title" /></h1>
          <p><Trans i18nKey="boundary.body" /></p>
          <button type="button" className="button button--primary" onClick={reload} autoFocus>
            <Trans i18nKey="boundary.reload" />
          </button>
        </div>
      </main>
    );
  }
}
