/**
 * Journey 7: accessibility. axe finds no serious or critical violation on any page (with its
 * blades and dialogs open too), and a keyboard alone reaches the navigation and the main actions;
 * focus stays inside a blade or dialog until Escape closes it, then returns to what opened it.
 */
import { ARTICLE_ROUTES } from '@edgenet/network-config/testing';
import type { Locator } from '@playwright/test';
import { expectFocusTrapped, expectNoSeriousViolations, tabTo } from '../fixtures/a11y';
import { expect, test } from '../fixtures/test';
import { PortBlade } from '../pages/network';
import type { Section } from '../pages/shell';

test.describe('before sign-in', () => {
  test.use({ serverOptions: { initialPassword: null, applyMs: 200 } });

  test('sign-in and the forced password change, by keyboard', async ({ app, page }) => {
    const { signInPage, passwordPage, shell } = app;
    await signInPage.goto();
    await expectNoSeriousViolations(page, 'sign-in');

    // The password field has focus from the start; Tab reaches Sign in; Enter submits.
    await expect(signInPage.password).toBeFocused();
    await page.keyboard.type('Password1');
    await tabTo(page, signInPage.submit, { max: 5 });
    await page.keyboard.press('Enter');

    await expect(passwordPage.heading).toBeVisible();
    await expect(passwordPage.newPassword).toBeFocused();
    await expectNoSeriousViolations(page, 'password change');
    await page.keyboard.type('weak');
    await expect(passwordPage.newPassword).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousViolations(page, 'password change, weak password typed');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('Edge-Admin1');
    await tabTo(page, passwordPage.confirm, { max: 5 });
    await page.keyboard.type('Edge-Admin1');
    await tabTo(page, passwordPage.submit, { max: 5 });
    await page.keyboard.press('Enter');
    await expect(shell.heading('overview')).toBeVisible();
  });
});

test.describe('signed in', () => {
  test.use({ serverOptions: { applyMs: 200 } });

  test('every page, its blades and dialogs: axe, Tab, focus trap, Escape', async ({
    app,
    api,
    page,
  }) => {
    const { shell, network, compute, routes } = app;
    await api.configureScenario();
    await api.addRoute(ARTICLE_ROUTES[1]);
    await app.useSessionOf(api);

    /** Goes to a page with the keyboard only: Tab to its link in the navigation, Enter. */
    const goByKeyboard = async (section: Section) => {
      // The navigation comes before the page's main region: Shift+Tab from there reaches it.
      await tabTo(page, shell.navLink(section), { backwards: true });
      await page.keyboard.press('Enter');
      await expect(shell.heading(section)).toBeVisible();
      // Focus moves to the page's main region, so the next Tab starts there.
      await expect(page.getByRole('main')).toBeFocused();
    };

    /** Opens a blade or dialog with the keyboard; checks it, the trap, Escape and focus return. */
    const checkModal = async (opener: Locator, dialog: Locator, where: string) => {
      await tabTo(page, opener);
      await page.keyboard.press('Enter');
      await expect(dialog).toBeVisible();
      await expectNoSeriousViolations(page, where);
      await expectFocusTrapped(page, dialog);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(opener).toBeFocused();
    };

    await test.step('Overview', async () => {
      await app.open('overview');
      await expect(app.overview.vmLabel('master', 'master')).toBeVisible();
      await expectNoSeriousViolations(page, 'overview');
      // The first Tab lands on the skip link, which moves focus to the page.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: app.ui.t('app.skipToContent') });
      await expect(skip).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#main$/);
    });

    await test.step('Network and the port blade', async () => {
      await goByKeyboard('network');
      await expectNoSeriousViolations(page, 'network');
      const blade = new PortBlade(app.ui, 'Port3');
      await checkModal(network.configureButton('Port3'), blade.dialog, 'network, Port3 blade');
    });

    await test.step('Compute, and the dialog that asks before disabling', async () => {
      await goByKeyboard('compute');
      await expectNoSeriousViolations(page, 'compute');
      await tabTo(page, compute.applyButton);
      const confirm = page.getByRole('alertdialog', { name: app.ui.t('compute.disableTitle') });
      await checkModal(compute.disableButton('Port3'), confirm, 'compute, disable dialog');
      // The safe choice has focus when the dialog opens.
      expect((await api.compute()).computePort).toBe('Port3');
    });

    await test.step('Routes, the add blade and the remove dialog', async () => {
      await goByKeyboard('routes');
      await expect(routes.row('192.168.21.0/24')).toBeVisible();
      await expectNoSeriousViolations(page, 'routes');
      await checkModal(routes.addButton, routes.openAddDialog, 'routes, add blade');
      await checkModal(
        routes.removeButton('192.168.21.0/24'),
        routes.confirmDialog,
        'routes, remove dialog',
      );
      expect((await api.routes()).routes).toHaveLength(1);
      await tabTo(page, routes.testerAddress);
      await page.keyboard.type('192.168.21.7');
      await page.keyboard.press('Enter');
      await expect(routes.chosenRoute).toHaveText('192.168.21.0/24 (Port3)');
      await expectNoSeriousViolations(page, 'routes, with a lookup answer');
    });

    await test.step('Kubernetes', async () => {
      await goByKeyboard('kubernetes');
      await expect(app.kubernetes.pods('coredns')).toHaveCount(2);
      await expectNoSeriousViolations(page, 'kubernetes');
    });

    await test.step('in Japanese too', async () => {
      await shell.setLanguage('ja');
      await expectNoSeriousViolations(page, 'kubernetes (ja)');
      await shell.go('compute');
      await expectNoSeriousViolations(page, 'compute (ja)');
    });
  });
});
