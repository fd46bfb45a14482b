import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

/** The last line of defence: an unexpected error shows what happened instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Sanctions Explorer crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <main className="error-page" role="alert">
          <h1>Something went wrong</h1>
          <p>The page hit an unexpected error: {this.state.error.message}</p>
          <p>
            <a href="/">Start again from the explorer</a>
          </p>
        </main>
      );
    }
    return this.props.children;
  }
}
