import { ARTICLE_ROUTES } from '../src/testing/article-scenario';
import { labDevice } from './helpers';

/** The source article's device with its routes and non-default cluster CIDRs. */
export function articleDevice() {
  return labDevice('Configured', {
    compute: { podCidr: '10.96.0.0/16', serviceCidr: '10.97.0.0/16' },
    routes: [
      ARTICLE_ROUTES[0],
      {
        interfaceAlias: 'Port3',
        destinationPrefix: '192.168.21.0/24',
        nextHop: '192.168.20.1',
        routeMetric: 256,
      },
      {
        interfaceAlias: 'Port3',
        destinationPrefix: '10.0.5.7/32',
        nextHop: '0.0.0.0',
        routeMetric: 5,
      },
    ],
  });
}
