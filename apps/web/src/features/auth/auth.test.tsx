import { formatIssue } from '@edgenet/network-config';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { describedText, type } from '../../test/dom';
import { createFakeServer } from '../../test/fakeServer';
import { renderApp } from '../../test/render';

const problem = (status: number, extra: object = {}) => ({
  status,
  body: { type: 'about:blank', title: 'x', status, ...extra },
});

describe('sign-in, forced password change, idle lock', () => {
  it('refuses a wrong password, then forces the change with the core’s rules shown live', async () => {
    const server = createFakeServer();
    let signedIn = false;
    server.on('GET /api/session', () =>
      signedIn
        ? {
            status: 200,
            body: {
              mustChangePassword: true,
              failedAttemptsSinceLastSignIn: 1,
              idleTimeoutSeconds: 900,
            },
          }
        : problem(401),
    );
    server.on('POST /api/session', (call) => {
      if ((call.body as { password: string }).password !== 'Password1') return problem(401);
      signedIn = true;
      return {
        status: 200,
        body: {
          mustChangePassword: true,
          failedAttemptsSinceLastSignIn: 1,
          idleTimeoutSeconds: 900,
        },
      };
    });
    server.on('POST /api/password', () => ({
      status: 200,
      body: {
        mustChangePassword: false,
        failedAttemptsSinceLastSignIn: 0,
        idleTimeoutSeconds: 900,
      },
    }));
    renderApp('/', server);

    const password = await screen.findByLabelText('Password');
    type(password, 'nope');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('The password is incorrect.');
    type(screen.getByLabelText('Password'), 'Password1');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const next = await screen.findByLabelText('New password', {}, { timeout: 10_000 });
    // The current password is known from the sign-in: not asked again.
    expect(screen.queryByLabelText('Current password')).toBeNull();
    type(next, 'weak');
    const text = describedText(next);
    expect(text).toContain(
      formatIssue({ code: 'password.length', params: { min: 8, max: 16 } }, 'en'),
    );
    expect(text).toContain(
      formatIssue({ code: 'password.classes', params: { required: 3, used: 1 } }, 'en'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(server.callsTo('POST /api/password')).toHaveLength(0);

    type(next, 'Edge-Admin1');
    expect(describedText(next)).not.toContain('must');
    type(screen.getByLabelText('Confirm new password'), 'Edge-Admin1');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByRole('heading', { name: 'Overview', level: 1 }, { timeout: 10_000 });
    expect(server.callsTo('POST /api/password')[0]?.body).toEqual({
      currentPassword: 'Password1',
      newPassword: 'Edge-Admin1',
    });
  });

  it('changes the password any time from the top bar, always asking for the current one', async () => {
    const server = createFakeServer();
    server.on('POST /api/password', (call) =>
      (call.body as { currentPassword: string }).currentPassword === 'Edge-Admin1'
        ? {
            status: 200,
            body: {
              mustChangePassword: false,
              failedAttemptsSinceLastSignIn: 0,
              idleTimeoutSeconds: 900,
            },
          }
        : problem(422, {
            issues: [
              {
                path: 'currentPassword',
                code: 'password.incorrect',
                severity: 'error',
                params: {},
                message: {
                  en: formatIssue({ code: 'password.incorrect', params: {} }, 'en'),
                  ja: formatIssue({ code: 'password.incorrect', params: {} }, 'ja'),
                },
              },
            ],
          }),
    );
    renderApp('/routes', server);
    await screen.findByRole('heading', { name: 'Routes', level: 1 }, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('link', { name: 'Change password' }));

    const current = await screen.findByLabelText('Current password', {}, { timeout: 10_000 });
    type(current, 'Wrong#Pass1');
    type(screen.getByLabelText('New password'), 'Edge-Admin2');
    type(screen.getByLabelText('Confirm new password'), 'Edge-Admin2');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByText(formatIssue({ code: 'password.incorrect', params: {} }, 'en'));
    // What was typed stays; only the current password needs correcting.
    expect((screen.getByLabelText('New password') as HTMLInputElement).value).toBe('Edge-Admin2');

    type(screen.getByLabelText('Current password'), 'Edge-Admin1');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByRole('heading', { name: 'Overview', level: 1 }, { timeout: 10_000 });
    await screen.findByText('The password was changed. Other sessions have ended.');
    expect(server.callsTo('POST /api/password').map((c) => c.body)).toEqual([
      { currentPassword: 'Wrong#Pass1', newPassword: 'Edge-Admin2' },
      { currentPassword: 'Edge-Admin1', newPassword: 'Edge-Admin2' },
    ]);
  });

  it('a 401 from any query returns to the sign-in page and says the session ended', async () => {
    const server = createFakeServer();
    renderApp('/', server);
    await screen.findByRole('heading', { name: 'Overview', level: 1 }, { timeout: 10_000 });
    server.on('GET /api/ports', () => problem(401));
    fireEvent.click(screen.getByRole('link', { name: 'Network' }));
    await screen.findByText(
      'Your session ended. Sign in again to continue.',
      {},
      { timeout: 10_000 },
    );
  });

  it('kiosk (?kiosk=1): hides the API documentation link and locks after the idle time; the password unlocks', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = createFakeServer();
    server.on('DELETE /api/session', () => ({ status: 204 }));
    renderApp('/?kiosk=1', server);
    await screen.findByRole('heading', { name: 'Overview', level: 1 }, { timeout: 10_000 });
    expect(screen.queryByRole('link', { name: 'API reference' })).toBeNull();
    expect(document.documentElement.classList.contains('kiosk')).toBe(true);

    await act(async () => {
      vi.advanceTimersByTime(2 * 60 * 1000 + 2000);
    });
    const lock = await screen.findByRole('dialog', { name: 'Locked' });
    expect(lock).toBeTruthy();
    expect(server.callsTo('DELETE /api/session')).toHaveLength(1);
    type(screen.getByLabelText('Password'), 'Edge-Admin1');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Locked' })).toBeNull());
    expect(server.callsTo('POST /api/session')[0]?.body).toEqual({ password: 'Edge-Admin1' });
  });
});
