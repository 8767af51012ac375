import { pathOf } from '@edgenet/network-config/contract/client';
import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { Icon } from '../components/Icon';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Loading } from '../components/StateViews';
import { PendingBanner } from '../features/history/PendingBanner';
import { useI18n } from '../lib/i18n';
import { useKiosk } from '../lib/kiosk';
import { sharedQueries } from '../lib/queries';
import { useSession } from '../lib/session';
import { navItemsFor } from './nav';

// Pages load on demand: the first paint needs only the shell.
const OverviewPage = lazy(() =>
  import('../features/overview/OverviewPage').then((m) => ({ default: m.OverviewPage })),
);
const NetworkPage = lazy(() =>
  import('../features/network/NetworkPage').then((m) => ({ default: m.NetworkPage })),
);
const ComputePage = lazy(() =>
  import('../features/compute/ComputePage').then((m) => ({ default: m.ComputePage })),
);
const RoutesPage = lazy(() =>
  import('../features/routes/RoutesPage').then((m) => ({ default: m.RoutesPage })),
);
const ConsolePage = lazy(() =>
  import('../features/console/ConsolePage').then((m) => ({ default: m.ConsolePage })),
);
const PasswordPage = lazy(() =>
  import('../features/auth/PasswordPage').then((m) => ({ default: m.PasswordPage })),
);
const HistoryPage = lazy(() =>
  import('../features/history/HistoryPage').then((m) => ({ default: m.HistoryPage })),
);
const KubernetesPage = lazy(() =>
  import('../features/kubernetes/KubernetesPage').then((m) => ({ default: m.KubernetesPage })),
);
// Firmware 2023 (SPEC §8).
const AdvancedNetworkingPage = lazy(() =>
  import('../features/advanced-networking/AdvancedNetworkingPage').then((m) => ({
    default: m.AdvancedNetworkingPage,
  })),
);
const KubernetesSettingsPage = lazy(() =>
  import('../features/kubernetes-settings/KubernetesSettingsPage').then((m) => ({
    default: m.KubernetesSettingsPage,
  })),
);

export function AppShell({
  deviceName,
  inert,
}: {
  deviceName: string | undefined;
  inert?: boolean;
}) {
  const { t } = useI18n();
  const kiosk = useKiosk();
  const { signOut, lock } = useSession();
  const [location] = useLocation();
  const firmware = useQuery(sharedQueries.device()).data?.firmware;

  // After a navigation, move focus to the new page (keyboard and screen reader users land there).
  const firstRender = useRef(true);
  useEffect(() => {
    void location;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = document.getElementById('main');
    main?.scrollTo?.(0, 0);
    main?.focus({ preventScroll: true });
  }, [location]);

  return (
    // Locked: the console stays mounted (what was typed survives) but is neither shown nor
    // reachable — `inert` for keyboard and assistive technology, `shell--locked` hides it.
    <div className={`shell${inert ? ' shell--locked' : ''}`} inert={inert}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-brand">
          <span className="topbar-product">{t('app.product')}</span>
          {deviceName ? (
            <span className="topbar-device">
              <span className="visually-hidden">{t('app.deviceName')}: </span>
              {deviceName}
            </span>
          ) : null}
        </div>
        <div className="topbar-actions">
          <LanguageSwitch className="on-dark" />
          <Link
            href="/password"
            className="button button--on-dark"
            aria-current={location === '/password' ? 'page' : undefined}
          >
            <Icon name="key" size={18} />
            <span className="topbar-label">{t('app.changePassword')}</span>
          </Link>
          <button type="button" className="button button--on-dark" onClick={() => lock('manual')}>
            <Icon name="lock" size={18} />
            <span className="topbar-label">{t('app.lock')}</span>
          </button>
          <button type="button" className="button button--on-dark" onClick={() => void signOut()}>
            <Icon name="signOut" size={18} />
            <span className="topbar-label">{t('app.signOut')}</span>
          </button>
        </div>
      </header>
      <div className="shell-body">
        <nav className="sidenav" aria-label={t('nav.label')}>
          <ul>
            {navItemsFor(firmware).map((item) => {
              // '/kubernetes' must not light up on '/kubernetes-settings'.
              const current =
                item.path === '/'
                  ? location === '/'
                  : location === item.path || location.startsWith(`${item.path}/`);
              return (
                <li key={item.path}>
                  <Link
                    href={item.path}
                    className="sidenav-link"
                    aria-current={current ? 'page' : undefined}
                  >
                    <Icon name={item.icon} size={22} />
                    <span className="sidenav-text">{t(item.label)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
          {kiosk ? null : (
            <a
              className="sidenav-extra"
              href={pathOf('getOpenApi')}
              target="_blank"
              rel="noreferrer"
            >
              {t('nav.apiDocs')}
            </a>
          )}
        </nav>
        {/* The page scrolls inside <main> (ADR 0016), so it is a stop in the Tab order: a page with
            nothing focusable (Kubernetes) still scrolls from the keyboard (WCAG 2.1.1). */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs keyboard focus */}
        <main id="main" className="main" tabIndex={0}>
          <PendingBanner />
          <Suspense fallback={<Loading minHeight={320} />}>
            <Pages />
          </Suspense>
        </main>
      </div>
    </div>
  );
}

function Pages(): ReactNode {
  const { t } = useI18n();
  return (
    <Switch>
      <Route path="/" component={OverviewPage} />
      <Route path="/network" component={NetworkPage} />
      <Route path="/compute" component={ComputePage} />
      <Route path="/routes" component={RoutesPage} />
      <Route path="/kubernetes" component={KubernetesPage} />
      <Route path="/console" component={ConsolePage} />
      <Route path="/advanced-networking" component={AdvancedNetworkingPage} />
      <Route path="/kubernetes-settings" component={KubernetesSettingsPage} />
      <Route path="/password" component={PasswordPage} />
      <Route path="/history" component={HistoryPage} />
      <Route>
        <div className="page">
          <h1 className="page-title">{t('notFound.title')}</h1>
          <p>
            <Link href="/">{t('notFound.back')}</Link>
          </p>
        </div>
      </Route>
    </Switch>
  );
}
