/**
 * The whole local web UI as page objects, bound to one page: `app.shell`, `app.compute`, … All of
 * them share one `Ui`, so switching the language (`app.shell.setLanguage('ja')`) switches the
 * names every page object looks for.
 */
import { expect, type Page } from '@playwright/test';
import type { EdgenetApi } from '../fixtures/api';
import { ChangePasswordPage, SignInPage } from './auth';
import { ComputePage } from './compute';
import { KubernetesPage } from './kubernetes';
import { NetworkPage } from './network';
import { OverviewPage } from './overview';
import { RoutesPage } from './routes';
import { type Section, Shell } from './shell';
import { Ui } from './ui';

const PATHS: Record<Section, string> = {
  overview: '/',
  network: '/network',
  compute: '/compute',
  routes: '/routes',
  kubernetes: '/kubernetes',
  console: '/console',
};

export class Console {
  readonly ui: Ui;
  readonly shell: Shell;
  readonly signInPage: SignInPage;
  readonly passwordPage: ChangePasswordPage;
  readonly overview: OverviewPage;
  readonly network: NetworkPage;
  readonly compute: ComputePage;
  readonly routes: RoutesPage;
  readonly kubernetes: KubernetesPage;

  constructor(
    readonly page: Page,
    options: { touch?: boolean; ui?: Ui } = {},
  ) {
    this.ui = options.ui ?? new Ui(page, options.touch ?? false);
    this.shell = new Shell(this.ui);
    this.signInPage = new SignInPage(this.ui);
    this.passwordPage = new ChangePasswordPage(this.ui);
    this.overview = new OverviewPage(this.ui);
    this.network = new NetworkPage(this.ui);
    this.compute = new ComputePage(this.ui);
    this.routes = new RoutesPage(this.ui);
    this.kubernetes = new KubernetesPage(this.ui);
  }

  /**
   * Shares a signed-in API client's session with this browser (for journeys about something
   * else than signing in): one sign-in less, and password hashing is slow on purpose.
   */
  async useSessionOf(api: EdgenetApi): Promise<void> {
    const { cookies } = await api.context.storageState();
    await this.page.context().addCookies(cookies);
  }

  /**
   * Signs this browser in without the sign-in page (for journeys about something else): the same
   * POST /api/session the page sends, through the browser context, so the cookie lands there.
   */
  async signInDirectly(baseURL: string, password: string): Promise<void> {
    const res = await this.page.context().request.post('/api/session', {
      data: { password },
      headers: { Origin: baseURL },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  /** Opens a page by its URL and waits for its heading. */
  async open(section: Section, query = ''): Promise<void> {
    await this.page.goto(`${PATHS[section]}${query}`);
    await expect(this.shell.heading(section)).toBeVisible();
  }
}
