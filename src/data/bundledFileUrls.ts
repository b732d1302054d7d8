// Vite copies each file into the build with a content hash, so it is served from the app's origin and cached safely.
import trafficUrl from '../../datasets/marketplace-traffic.csv?url';
import salesUrl from '../../datasets/marketplace-sales.csv?url';
import eventsUrl from '../../datasets/events.csv?url';
import figuresUrl from '../../datasets/published-figures.csv?url';
import marketplacesUrl from '../../datasets/marketplaces.csv?url';
import regionsUrl from '../../datasets/regions.csv?url';
import internetUsersUrl from '../../datasets/internet-users.csv?url';

/** Where the browser fetches each bundled file from. */
export const BUNDLED_FILE_URLS: Readonly<Record<string, string>> = {
  'marketplace-traffic.csv': trafficUrl,
  'marketplace-sales.csv': salesUrl,
  'events.csv': eventsUrl,
  'published-figures.csv': figuresUrl,
  'marketplaces.csv': marketplacesUrl,
  'regions.csv': regionsUrl,
  'internet-users.csv': internetUsersUrl,
};
