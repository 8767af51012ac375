import { fireEvent } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

/** The text of everything an element is described by (hints and issue lists). */
export function describedText(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/** Types a whole value into an input, as one change (React sees an input event). */
export function type(input: Element, value: string): void {
  fireEvent.change(input, { target: { value } });
}

/**
 * jsdom has no layout: give the scrolling table boxes (`.vtable`) the kiosk's height, as a browser
 * would, for the tests of the calling file.
 */
export function withKioskTableHeight(): void {
  const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get() {
        return (this as HTMLElement).classList.contains('vtable') ? 480 : 0;
      },
    });
  });
  afterEach(() => {
    if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
  });
}
