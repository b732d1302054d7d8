import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  noRoom: {
    id: 'data.datasets.noRoom',
    defaultMessage: 'The browser has no room left to keep this file: it is loaded for this visit only. Delete other datasets to make room.',
  },
  notKept: { id: 'data.datasets.notKept', defaultMessage: 'This file could not be kept in the browser ({reason}): it is loaded for this visit only.' },
  noStorage: { id: 'data.datasets.noStorage', defaultMessage: 'This browser offers no storage to this page: the dataset is loaded for this visit only.' },
  definitionNotKept: {
    id: 'data.datasets.definitionNotKept',
    defaultMessage: "This browser refused to keep the dataset's definition ({reason}): it is here for this visit only.",
  },
  notRenamed: {
    id: 'data.datasets.notRenamed',
    defaultMessage: '“{dataset}” could not be renamed: the browser refused to keep the new name ({reason}).',
  },
  noUpload: { id: 'data.datasets.noUpload', defaultMessage: 'There is no uploaded dataset "{dataset}" in this browser.' },
});
