import { defineMessages } from '../i18n';

export const messages = defineMessages({
  stoppedTimes: {
    id: 'engine.stoppedTimes',
    defaultMessage: '{count, plural, one {The query engine stopped # time; reload the page. ({reason})} other {The query engine stopped # times; reload the page. ({reason})}}',
  },
  stopped: { id: 'engine.stopped', defaultMessage: 'The query engine stopped: {reason}' },
});
