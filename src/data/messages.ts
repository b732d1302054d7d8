import { defineMessages } from '../i18n';

/** Snapshots (snapshot.ts, snapshotShare.ts): why one cannot be read. */
export const messages = defineMessages({
  newerVersion: {
    id: 'snapshot.newerVersion',
    defaultMessage: 'These figures were saved by a newer version of Marketscope, which this one cannot read. Ask for a new snapshot.',
  },
  notASnapshot: { id: 'snapshot.notASnapshot', defaultMessage: 'This is not a Marketscope snapshot.' },
  datasetTwice: { id: 'snapshot.datasetTwice', defaultMessage: 'This snapshot is damaged (it describes one dataset twice). Ask its author for a new one.' },
  damaged: { id: 'snapshot.damaged', defaultMessage: 'This snapshot is damaged; nothing of it can be shown. Ask its author for a new one.' },
  damagedAt: { id: 'snapshot.damagedAt', defaultMessage: 'This snapshot is damaged (at {where}); nothing of it can be shown. Ask its author for a new one.' },
  tooLarge: { id: 'snapshot.tooLarge', defaultMessage: 'This snapshot is far too large to be one Marketscope made.' },
  notJson: { id: 'snapshot.notJson', defaultMessage: 'This is not a Marketscope snapshot: it is not JSON.' },
  noFigures: { id: 'snapshot.noFigures', defaultMessage: 'This dashboard holds no figures: it was not shared with its data.' },
  notKept: {
    id: 'snapshot.notKept',
    defaultMessage: 'This dashboard is not kept in this browser (was it deleted, or is this another browser?). Import its file again.',
  },
  fileFiguresUnusable: { id: 'snapshot.fileFiguresUnusable', defaultMessage: 'The figures in this dashboard file cannot be used. {reason}' },
});
