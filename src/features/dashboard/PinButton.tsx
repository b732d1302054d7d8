import { useEffect, useState } from 'react';
import { dashboards } from '../../state/dashboards';

/** Pins the view on screen (its link) to the first dashboard, and says where it went. */
export function PinButton({ title }: { title: string }) {
  const [pinned, setPinned] = useState<string | null>(null);
  useEffect(() => {
    if (!pinned) return;
    const timer = setTimeout(() => setPinned(null), 4000);
    return () => clearTimeout(timer);
  }, [pinned]);
  return (
    <span className="pin">
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          const dashboard = dashboards.pin({ title, notes: '', view: window.location.search.replace(/^\?/, '') });
          setPinned(`Pinned to “${dashboard.name}” (${dashboard.panels.length} ${dashboard.panels.length === 1 ? 'panel' : 'panels'}).`);
        }}
        data-testid="pin-view"
      >
        Pin to dashboard
      </button>
      <span role="status" className="floating-status" data-testid="pin-status">
        {pinned ?? ''}
      </span>
    </span>
  );
}
