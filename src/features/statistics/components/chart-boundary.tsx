import { Component, type ReactNode } from 'react';

/**
 * The charts' code is fetched when the page first shows them. Offline before it was ever
 * downloaded, that fails: the page says so and keeps its tables, which hold the same figures.
 */
export class ChartBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
