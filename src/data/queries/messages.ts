import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  other: { id: 'data.queries.other', defaultMessage: 'Other' },
  noDataset: { id: 'data.queries.noDataset', defaultMessage: 'There is no dataset "{dataset}" in this browser.' },
});
