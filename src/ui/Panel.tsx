import { useId, type ReactNode } from 'react';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { errorText, useT } from '../i18n';
import { messages } from './messages';

export interface PanelProps {
  title: string;
  subtitle?: ReactNode;
  badges?: ReactNode;
  footer?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A dashboard panel with its own error boundary: one panel failing to render shows a retry button in its place and
 * leaves the rest of the dashboard working.
 */
export function Panel({ title, subtitle, badges, footer, className, testId, children }: PanelProps) {
  const headingId = useId();
  const { reset } = useQueryErrorResetBoundary();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={headingId} data-testid={testId}>
      <header className="panel-header">
        <div>
          <h2 id={headingId} className="panel-title">
            {title}
          </h2>
          {subtitle ? <p className="panel-subtitle">{subtitle}</p> : null}
        </div>
        {badges ? <div className="panel-badges">{badges}</div> : null}
      </header>
      <div className="panel-body">
        <ErrorBoundary onReset={reset} FallbackComponent={PanelCrash}>
          {children}
        </ErrorBoundary>
      </div>
      {footer ? <footer className="panel-footer">{footer}</footer> : null}
    </section>
  );
}

function PanelCrash({ error, resetErrorBoundary }: FallbackProps) {
  const tr = useT();
  return <ErrorMessage title={tr(messages.panelFailed)} error={error} onRetry={resetErrorBoundary} />;
}

export function ErrorMessage({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const tr = useT();
  // What was thrown, in the language of the moment when the error carries a text to say (src/i18n's errorText).
  const message = tr(errorText(error));
  const sql = typeof error === 'object' && error !== null && 'sql' in error ? String(error.sql) : null;
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title}</p>
      <p className="state-detail">{message}</p>
      {sql ? (
        <details>
          <summary>{tr(messages.query)}</summary>
          <pre className="sql">{sql}</pre>
        </details>
      ) : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {tr(messages.retry)}
        </button>
      ) : null}
    </div>
  );
}

/** Grey blocks where content will appear, so the layout does not jump when it does. */
export function Skeleton({ height = 240, label }: { height?: number; label?: string }) {
  const tr = useT();
  return (
    <div className="skeleton" style={{ height }} role="status" aria-live="polite">
      <span className="visually-hidden">{tr(messages.loadingWhat, { label: label ?? tr(messages.loading) })}</span>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      {children}
    </div>
  );
}
