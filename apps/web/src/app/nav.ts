import type { IconName } from '../components/Icon';
import type { MessageKey } from '../lib/i18n';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: IconName;
}

const OVERVIEW: readonly NavItem[] = [
  { path: '/', label: 'nav.overview', icon: 'overview' },
  { path: '/network', label: 'nav.network', icon: 'network' },
];
const ROUTES: NavItem = { path: '/routes', label: 'nav.routes', icon: 'routes' };
const CONSOLE_AND_HISTORY: readonly NavItem[] = [
  { path: '/console', label: 'nav.console', icon: 'console' },
  { path: '/history', label: 'nav.history', icon: 'refresh' },
];

/** The left navigation, in the device UI's order, then the PowerShell console. */
export const NAV_ITEMS: readonly NavItem[] = [
  ...OVERVIEW,
  { path: '/compute', label: 'nav.compute', icon: 'compute' },
  ROUTES,
  { path: '/kubernetes', label: 'nav.kubernetes', icon: 'kubernetes' },
  ...CONSOLE_AND_HISTORY,
];

/**
 * Firmware 2023 (SPEC §8): the Compute page becomes Advanced networking and Kubernetes; the
 * read-only cluster view stays, named "Kubernetes components" so the two are told apart.
 */
export const NAV_ITEMS_2023: readonly NavItem[] = [
  ...OVERVIEW,
  { path: '/advanced-networking', label: 'nav.advancedNetworking', icon: 'network' },
  { path: '/kubernetes-settings', label: 'nav.kubernetesSettings', icon: 'compute' },
  ROUTES,
  { path: '/kubernetes', label: 'nav.kubernetesComponents', icon: 'kubernetes' },
  ...CONSOLE_AND_HISTORY,
];

/** The navigation of a firmware generation (2021 when unknown, as the server's default). */
export function navItemsFor(firmware: string | undefined): readonly NavItem[] {
  return firmware === '2023' ? NAV_ITEMS_2023 : NAV_ITEMS;
}
