/**
 * What every page object shares: the page, the language the UI is in (switchable mid-test, so page
 * objects look names up when they act), and how the user presses things (a mouse click, or a
 * finger's tap on the kiosk's touch screen).
 */
import type { Locator, Page } from '@playwright/test';
import { type Locale, type MessageKey, message } from '../fixtures/i18n';

export class Ui {
  locale: Locale = 'en';

  constructor(
    readonly page: Page,
    readonly touch: boolean,
  ) {}

  t(key: MessageKey, params?: Record<string, string | number>): string {
    return message(this.locale, key, params);
  }

  /** Click, or tap on a touch screen. */
  async press(target: Locator): Promise<void> {
    if (this.touch) await target.tap();
    else await target.click();
  }

  /** Types into a field the way a user does: focus it (by tap on touch), replace its text. */
  async type(target: Locator, text: string): Promise<void> {
    if (this.touch) await target.tap();
    await target.fill(text);
  }
}
