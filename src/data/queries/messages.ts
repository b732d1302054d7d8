import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  other: { id: 'data.queries.other', defaultMessage: 'Other' },
});
