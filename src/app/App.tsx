import { useEffect, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ErrorBoundary } from 'react-error-boundary';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { useViewState } from '../state/useViewState';
import { THEMES, type Theme } from '../state/viewState';
import { ErrorMessage } from '../ui/Panel';
import { StartupProgress } from '../ui/StartupProgress';
import { startWithSummary } from './startupHandover';
import { useStartupStatus } from './useStartupStatus';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Local data does not go stale behind our back; every parameter is in the key.
        staleTime: Infinity,
        gcTime: 5 * 60_000,
        retry: 1,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    startWithSummary(client);
    return client;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <Shell />
    </QueryClientProvider>
  );
}

function Shell() {
  const { state, update } = useViewState();
  const startup = useStartupStatus();
  useEffect(() => {
    document.documentElement.dataset.theme = state.theme;
  }, [state.theme]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to the dashboard
      </a>
      <header className="app-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <div>
            <h1 className="brand-name">Marketscope</h1>
            <p className="brand-tagline">E-commerce marketplaces compared across countries</p>
          </div>
        </div>
        <ThemePicker theme={state.theme} onChange={(theme) => update({ theme })} />
      </header>
      {!startup.done ? <StartupProgress label={startup.label} fraction={startup.fraction} /> : null}
      <main id="main" className="app-main">
        <ErrorBoundary FallbackComponent={({ error, resetErrorBoundary }) => (
          <ErrorMessage title="The dashboard stopped" error={error} onRetry={resetErrorBoundary} />
        )}>
          <DashboardPage />
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        <p>Every query runs in this browser tab; no data leaves it.</p>
        {startup.done ? <p data-testid="engine-version">{startup.label}</p> : null}
      </footer>
    </div>
  );
}

function ThemePicker({ theme, onChange }: { theme: Theme; onChange: (theme: Theme) => void }) {
  return (
    <label className="theme-picker">
      <span className="field-label">Theme</span>
      <select className="select" value={theme} onChange={(event) => onChange(event.target.value as Theme)} data-testid="theme">
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {option === 'system' ? 'System' : option === 'light' ? 'Light' : 'Dark'}
          </option>
        ))}
      </select>
    </label>
  );
}
