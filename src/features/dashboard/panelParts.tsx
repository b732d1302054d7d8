/** Marks numbers that come from the synthetic generator, wherever they are shown. */
export function SyntheticBadge() {
  return (
    <span className="badge badge-synthetic" title="Generated data, calibrated to published figures; see datasets/README.md">
      Synthetic data
    </span>
  );
}

/** Switches a panel between its chart and the same numbers as a table. */
export function TableToggle({ asTable, onToggle }: { asTable: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="button button-quiet" aria-pressed={asTable} onClick={onToggle}>
      {asTable ? 'Show chart' : 'Show table'}
    </button>
  );
}
