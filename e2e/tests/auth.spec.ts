/**
 * Journey 1: the device fresh from the factory. The admin signs in with the initial password,
 * must change it (a weak one is refused on screen, with the rules), signs out and back in.
 */
import { signedInApi } from '../fixtures/api';
import { expect, test } from '../fixtures/test';

const FACTORY_PASSWORD = 'Password1';
const NEW_PASSWORD = 'Edge-Admin1';

test.use({ serverOptions: { initialPassword: null, applyMs: 200 } });

test('first sign-in forces a password change; the new password is the only one that works', async ({
  app,
  page,
  baseURL,
}) => {
  const { signInPage, passwordPage, shell } = app;

  await test.step('sign in with the factory password', async () => {
    await signInPage.goto();
    await signInPage.signIn(FACTORY_PASSWORD);
    await expect(passwordPage.heading).toBeVisible();
    // The password just typed is the current one: it is not asked again.
    await expect(page.getByLabel(app.ui.t('password.current'), { exact: true })).toHaveCount(0);
  });

  await test.step('until the change, the server refuses everything else', async () => {
    const res = await page.context().request.get('/api/compute');
    expect(res.status()).toBe(403);
    expect((await res.json()).code).toBe('password.changeRequired');
  });

  await test.step('a weak password is refused on screen, with the rules it breaks', async () => {
    await app.ui.type(passwordPage.newPassword, 'weak');
    await expect(passwordPage.newPassword).toHaveAttribute('aria-invalid', 'true');
    await expect(passwordPage.newPassword).toHaveAccessibleDescription(
      /The password must be 8 to 16 characters long\./,
    );
    await expect(passwordPage.newPassword).toHaveAccessibleDescription(
      /The password must use at least 3 of: upper-case letters, lower-case letters, digits, special characters \(it uses 1\)\./,
    );
    await expect(passwordPage.rules.getByRole('listitem').first()).toContainText(
      '8 to 16 characters — not met yet',
    );

    // Long enough now, but only two kinds of character.
    await passwordPage.change('weakpassword1');
    await expect(passwordPage.newPassword).toHaveAccessibleDescription(
      /The password must use at least 3 of: .* \(it uses 2\)\./,
    );
    await expect(passwordPage.newPassword).not.toHaveAccessibleDescription(/8 to 16 characters/);
    await expect(passwordPage.rules.getByRole('listitem').first()).toContainText(
      '8 to 16 characters — met',
    );
    // Refused: still on the change page, and the factory password still signs in.
    await expect(passwordPage.heading).toBeVisible();
    const check = await signedInApi(baseURL as string, FACTORY_PASSWORD);
    const session = await (await check.context.get('/api/session')).json();
    expect(session.mustChangePassword).toBe(true);
    await check.dispose();
  });

  await test.step('the confirmation must match', async () => {
    await passwordPage.change(NEW_PASSWORD, `${NEW_PASSWORD}x`);
    await expect(passwordPage.confirm).toHaveAccessibleDescription(
      'The two new passwords do not match.',
    );
    await expect(passwordPage.heading).toBeVisible();
  });

  await test.step('a strong password is accepted and opens the console', async () => {
    await passwordPage.change(NEW_PASSWORD);
    await expect(shell.heading('overview')).toBeVisible();
  });

  await test.step('sign out ends the session on the server too', async () => {
    await app.ui.press(shell.signOutButton);
    await expect(signInPage.heading).toBeVisible();
    const res = await page.context().request.get('/api/session');
    expect(res.status()).toBe(401);
  });

  await test.step('the new password signs in; the factory one no longer does', async () => {
    await signInPage.signIn(FACTORY_PASSWORD);
    await expect(page.getByText(app.ui.t('signIn.wrongPassword'))).toBeVisible();
    await signInPage.signIn(NEW_PASSWORD);
    await expect(shell.heading('overview')).toBeVisible();
    // One failed attempt since the last good sign-in: the console says so.
    await expect(shell.toast(app.ui.t('signIn.failedAttempts', { count: 1 }))).toBeVisible();

    const api = await signedInApi(baseURL as string, NEW_PASSWORD);
    const session = await (await api.context.get('/api/session')).json();
    expect(session.mustChangePassword).toBe(false);
    expect((await api.compute()).state).toBe('NotConfigured');
    await api.dispose();
    const old = await page.request.post('/api/session', {
      data: { password: FACTORY_PASSWORD },
      headers: { Origin: baseURL as string },
    });
    expect(old.status()).toBe(401);
  });
});
