import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorScreen } from '@/app/error-screen';
import { reportError } from '@/lib/report-error';

interface State {
  error: unknown;
  hasError: boolean;
  eventId: string | undefined;
}

/** The last line of defence around the whole app (routes have their own boundaries). */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null, hasError: false, eventId: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, hasError: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    const eventId = reportError(error, `app${info.componentStack ?? ''}`);
    this.setState({ eventId });
  }

  render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <main className="centered-page">
        <ErrorScreen
          error={this.state.error}
          eventId={this.state.eventId}
          onRetry={() => this.setState({ error: null, hasError: false, eventId: undefined })}
        />
      </main>
    );
  }
}
