import type { IconName } from '../components/Icon';
import type { MessageKey } from '../lib/i18n';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: IconName;
}

/** The left navigation, in the device UI's order, then the PowerShell console. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.overview', icon: 'overview' },
  { path: '/network', label: 'nav.network', icon: 'network' },
  { path: '/compute', label: 'nav.compute', icon: 'compute' },
  { path: '/routes', label: 'nav.routes', icon: 'routes' },
  { path: '/kubernetes', label: 'nav.kubernetes', icon: 'kubernetes' },
  { path: '/console', label: 'nav.console', icon: 'console' },
  { path: '/history', label: 'nav.history', icon: 'refresh' },
];
