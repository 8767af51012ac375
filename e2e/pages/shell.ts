/** The signed-in frame: top bar (language, lock, sign out), left navigation, toasts. */
import { expect, type Locator } from '@playwright/test';
import { eitherLanguage, type Locale, type MessageKey } from '../fixtures/i18n';
import type { Ui } from './ui';

export type Section = 'overview' | 'network' | 'compute' | 'routes' | 'kubernetes' | 'console';

const TITLES: Record<Section, MessageKey> = {
  overview: 'overview.title',
  network: 'network.title',
  compute: 'compute.title',
  routes: 'routes.title',
  kubernetes: 'k8s.title',
  console: 'console.title',
};

export const SECTIONS = Object.keys(TITLES) as Section[];

export class Shell {
  constructor(readonly ui: Ui) {}

  get nav(): Locator {
    return this.ui.page.getByRole('navigation', { name: this.ui.t('nav.label') });
  }

  navLink(section: Section): Locator {
    return this.nav.getByRole('link', { name: this.ui.t(`nav.${section}`), exact: true });
  }

  heading(section: Section): Locator {
    return this.ui.page.getByRole('heading', { level: 1, name: this.ui.t(TITLES[section]) });
  }

  /** Goes to a page through the left navigation and waits for its heading. */
  async go(section: Section): Promise<void> {
    await this.ui.press(this.navLink(section));
    await expect(this.heading(section)).toBeVisible();
    await expect(this.navLink(section)).toHaveAttribute('aria-current', 'page');
  }

  /** The language picker (in the top bar, and on the sign-in and password pages). */
  get language(): Locator {
    return this.ui.page.getByRole('combobox', { name: eitherLanguage('language.label') });
  }

  async setLanguage(locale: Locale): Promise<void> {
    await this.language.selectOption(locale);
    this.ui.locale = locale;
    await expect(this.ui.page.locator('html')).toHaveAttribute('lang', locale);
  }

  get signOutButton(): Locator {
    return this.ui.page.getByRole('button', { name: this.ui.t('app.signOut'), exact: true });
  }

  get toasts(): Locator {
    return this.ui.page.getByRole('region', { name: this.ui.t('toast.region') });
  }

  /** A notification with this text (a success, a warning…). */
  toast(text: string | RegExp): Locator {
    return this.toasts.locator('.toast').filter({ hasText: text });
  }

  /**
   * Reads a notification, then dismisses it as a user does: notifications sit bottom-right and
   * would cover the buttons there until they leave by themselves (6–12 s).
   */
  async expectToast(text: string | RegExp): Promise<Locator> {
    const toast = this.toast(text).last();
    await expect(toast).toBeVisible();
    await this.ui.press(toast.getByRole('button', { name: this.ui.t('toast.dismiss') }));
    await expect(this.toast(text)).toHaveCount(0);
    return toast;
  }
}
