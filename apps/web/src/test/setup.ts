/**
 * jsdom lacks a few browser APIs the app uses; these stand-ins are enough for components to run.
 * Each test starts from a clean page: rendered trees, storage, URL and the fetch stub are reset;
 * a test whose fake server answered off the contract fails.
 */
import { onlineManager } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { afterEach, expect, vi } from 'vitest';
import { loadLocale } from '../lib/i18n';
import { contractViolations } from './fakeServer';

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
Element.prototype.scrollIntoView ??= () => undefined;
window.scrollTo = () => undefined;

afterEach(() => {
  cleanup();
  // A fake server that answered off the contract fails the test, whatever the page showed.
  const violations = contractViolations.splice(0);
  expect(violations, 'answers off the endpoint table').toEqual([]);
  onlineManager.setOnline(true);
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

// Japanese is loaded on demand in the app (ADR 0033); tests that start in or switch to it find it
// loaded, as the app's main.tsx does for a stored choice. lib/i18n.load.test.ts covers the loading.
await loadLocale('ja');
