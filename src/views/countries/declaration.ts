import { choiceSetting } from '../../state/viewState';
import { defineView } from '../declaration';

export const STACKINGS = ['stacked', 'grouped'] as const;

/** The top countries with an "Other" bucket, stacked or grouped by marketplace. */
export const countries = defineView({
  id: 'countries',
  label: 'Countries',
  settings: { stack: choiceSetting(STACKINGS, 'stacked', STACKINGS.join(' or ')) },
});
