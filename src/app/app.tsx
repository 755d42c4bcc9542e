import { AppErrorBoundary } from '@/app/error-boundary';
import { AppProvider } from '@/app/provider';
import { AppRouter } from '@/app/router';

export function App() {
  return (
    <AppErrorBoundary>
      <AppProvider>
        <AppRouter />
      </AppProvider>
    </AppErrorBoundary>
  );
}
