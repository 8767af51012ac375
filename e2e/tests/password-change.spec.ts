/**
 * The password changed at any time from the top bar: the current password is always asked for
 * and a wrong one is refused on its field; afterwards every other session has ended and only the
 * new password signs in.
 */
import { expectNoSeriousViolations } from '../fixtures/a11y';
import { signedInApi } from '../fixtures/api';
import { TEST_PASSWORD } from '../fixtures/server';
import { expect, test } from '../fixtures/test';

const NEW_PASSWORD = 'Edge-Admin7';

test('the password changes from the top bar; other sessions end, only the new password signs in', async ({
  page,
  api,
  app,
  baseURL,
}) => {
  const url = baseURL as string;
  await app.signInDirectly(url, TEST_PASSWORD);
  await app.open('routes');
  await page.getByRole('link', { name: app.ui.t('app.changePassword') }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: app.ui.t('password.title') }),
  ).toBeVisible();
  await expectNoSeriousViolations(page, 'password change');

  const current = page.getByLabel(app.ui.t('password.current'), { exact: true });
  const submit = page.getByRole('button', { name: app.ui.t('password.submit') });
  await current.fill('Wrong#Pass9');
  await page.getByLabel(app.ui.t('password.new'), { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel(app.ui.t('password.confirm'), { exact: true }).fill(NEW_PASSWORD);
  await submit.click();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  // Nothing typed is lost: only the current password needs correcting.
  await expect(page.getByLabel(app.ui.t('password.new'), { exact: true })).toHaveValue(
    NEW_PASSWORD,
  );

  await current.fill(TEST_PASSWORD);
  await expect(current).not.toHaveAttribute('aria-invalid', 'true');
  await submit.click();
  await expect(app.shell.heading('overview')).toBeVisible();
  await expect(page.getByText(app.ui.t('password.changed'))).toBeVisible();

  // This browser's session goes on; the API client's was another one, and it has ended.
  expect((await page.context().request.get('/api/device')).status()).toBe(200);
  expect((await api.context.get('/api/device')).status()).toBe(401);
  await expect(signedInApi(url, TEST_PASSWORD)).rejects.toThrow(/401/);
  const renewed = await signedInApi(url, NEW_PASSWORD);
  expect((await renewed.context.get('/api/device')).status()).toBe(200);
});
