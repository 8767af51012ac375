/**
 * Kiosk mode: the device's own 800×480 touch screen. Switched on by `?kiosk=1` (remembered for the
 * browser session, `?kiosk=0` turns it off) or by the server (`kiosk: true` on GET /api/device).
 * In kiosk mode the UI hides what a shared screen must not offer (links that open other pages or
 * windows, like the API documentation and the Kubernetes dashboard) and locks sooner when idle.
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';

export const KIOSK_STORAGE_KEY = 'edgenet.kiosk';

/** Reads `?kiosk=` once at start and remembers it for the session. */
export function readKioskFlag(): boolean {
  try {
    const param = new URLSearchParams(globalThis.location?.search ?? '').get('kiosk');
    if (param === '1' || param === 'true')
      globalThis.sessionStorage?.setItem(KIOSK_STORAGE_KEY, '1');
    else if (param === '0' || param === 'false')
      globalThis.sessionStorage?.removeItem(KIOSK_STORAGE_KEY);
    return globalThis.sessionStorage?.getItem(KIOSK_STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

interface KioskState {
  kiosk: boolean;
  setServerKiosk: (value: boolean) => void;
}

const KioskContext = createContext<KioskState>({ kiosk: false, setServerKiosk: () => undefined });

export function KioskProvider({ fromUrl, children }: { fromUrl: boolean; children: ReactNode }) {
  const [fromServer, setServerKiosk] = useState(false);
  const kiosk = fromUrl || fromServer;
  useEffect(() => {
    document.documentElement.classList.toggle('kiosk', kiosk);
  }, [kiosk]);
  const value = useMemo(() => ({ kiosk, setServerKiosk }), [kiosk]);
  return <KioskContext.Provider value={value}>{children}</KioskContext.Provider>;
}

export function useKiosk(): boolean {
  return useContext(KioskContext).kiosk;
}

export function useSetServerKiosk(): (value: boolean) => void {
  return useContext(KioskContext).setServerKiosk;
}
