import type { QueryClient } from '@tanstack/react-query';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Router } from 'wouter';
import { ErrorState, Loading } from '../components/StateViews';
import { ToastProvider, useToast } from '../components/Toasts';
import { LockScreen } from '../features/auth/LockScreen';
import { SignInPage } from '../features/auth/SignInPage';
import { sessionApi } from '../lib/api';
import { I18nProvider, useI18n } from '../lib/i18n';
import { idleLockSeconds, useIdleTimer } from '../lib/idle';
import { KioskProvider, readKioskFlag, useKiosk, useSetServerKiosk } from '../lib/kiosk';
import { sharedQueries } from '../lib/queries';
import { failedAttemptsNotice, SessionProvider, useSession } from '../lib/session';
import { AppShell } from './AppShell';

const ChangePasswordPage = lazy(() =>
  import('../features/auth/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
);

export function App({ client, ssrPath }: { client: QueryClient; ssrPath?: string }) {
  const [kioskFromUrl] = useState(readKioskFlag);
  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        <KioskProvider fromUrl={kioskFromUrl}>
          <ToastProvider>
            <SessionProvider>
              <Router ssrPath={ssrPath}>
                <Root />
              </Router>
            </SessionProvider>
          </ToastProvider>
        </KioskProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

/** GET /api/settings: public, so the kiosk switch from the server applies to the sign-in page too. */
function usePublicSettings() {
  const setServerKiosk = useSetServerKiosk();
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: async ({ signal }) => (await sessionApi.call('getSettings', { signal })).data,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  useEffect(() => {
    if (settings.data) setServerKiosk(settings.data.kiosk);
  }, [settings.data, setServerKiosk]);
  return settings.data;
}

function Root() {
  const session = useSession();
  const { t } = useI18n();
  usePublicSettings();
  switch (session.status) {
    case 'loading':
      return <Loading label={t('app.starting')} minHeight={480} />;
    case 'error':
      return (
        <div className="page page--centered">
          <ErrorState error={new Error(t('app.unreachable'))} onRetry={session.retry} />
        </div>
      );
    case 'signedOut':
      return <SignInPage />;
    case 'mustChangePassword':
      return (
        <Suspense fallback={<Loading minHeight={480} />}>
          <ChangePasswordPage />
        </Suspense>
      );
    case 'signedIn':
      return <SignedIn />;
  }
}

function SignedIn() {
  const session = useSession();
  const kiosk = useKiosk();
  const setServerKiosk = useSetServerKiosk();
  const toast = useToast();
  const device = useQuery(sharedQueries.device());
  useEffect(() => {
    if (device.data?.kiosk !== undefined) setServerKiosk(device.data.kiosk);
  }, [device.data?.kiosk, setServerKiosk]);

  // After a good sign-in, tell the admin how many attempts failed since the last one — once: a
  // notice that was closed stays closed across reloads of this tab (see failedAttemptsNotice).
  const failed = session.session?.failedAttemptsSinceLastSignIn ?? 0;
  const told = useRef(false);
  useEffect(() => {
    if (failed > 0 && !told.current && !failedAttemptsNotice.wasClosed(failed)) {
      told.current = true;
      toast({
        kind: 'warning',
        title: { key: 'signIn.failedAttempts', params: { count: failed } },
        onClose: () => failedAttemptsNotice.closed(failed),
      });
    }
  }, [failed, toast]);

  const { lock } = session;
  const lockWhenIdle = useCallback(() => lock('idle'), [lock]);
  useIdleTimer(
    idleLockSeconds(kiosk, session.session?.idleTimeoutSeconds),
    lockWhenIdle,
    session.status === 'signedIn' && !session.locked,
  );

  return (
    <>
      <AppShell deviceName={device.data?.name} inert={session.locked} />
      {session.locked ? <LockScreen /> : null}
    </>
  );
}
