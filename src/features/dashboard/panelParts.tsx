import { useState } from 'react';
import type { DatasetModel } from '../../data';
import { Panel, type PanelProps } from '../../ui/Panel';

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

/** Whether a panel shows its table instead of its chart, and the switch. */
export function useTableToggle() {
  const [asTable, setAsTable] = useState(false);
  return { asTable, onToggle: () => setAsTable((value) => !value) };
}

export interface DatasetPanelProps extends Omit<PanelProps, 'badges' | 'footer'> {
  model: DatasetModel;
  /** The chart/table switch, for panels that have a table alternative. */
  table?: { asTable: boolean; onToggle: () => void };
}

/** A panel over a dataset: labelled synthetic when it is, with the dataset's source line and the table switch. */
export function DatasetPanel({ model, table, ...panel }: DatasetPanelProps) {
  return (
    <Panel
      {...panel}
      badges={
        <>
          {model.provenance === 'synthetic' ? <SyntheticBadge /> : null}
          {table ? <TableToggle asTable={table.asTable} onToggle={table.onToggle} /> : null}
        </>
      }
      footer={model.sourceLine}
    />
  );
}
