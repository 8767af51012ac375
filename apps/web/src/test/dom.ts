import { fireEvent } from '@testing-library/react';

/** The text of everything an element is described by (hints and issue lists). */
export function describedText(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/** Types a whole value into an input, as one change (React sees an input event). */
export function type(input: Element, value: string): void {
  fireEvent.change(input, { target: { value } });
}
