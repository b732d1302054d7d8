import { defineView } from '../declaration';

/** Key figures, the measure over time by marketplace, the top countries and the published figures. */
export const overview = defineView({ id: 'overview', label: 'Overview', settings: {} });
