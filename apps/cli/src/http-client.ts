/**
 * The contract's `ApiTransport` over HTTP: the session cookie (saved between runs), sign-in on
 * the first call and again on 401, the `Origin` and `Content-Type` the server demands of writes,
 * a timeout, and errors worded for an admin instead of a stack trace. Its own calls (health,
 * sign-in, password, sign-out) go through the typed client, answers typed by the endpoint table.
 */

import type { AnswerOf, Problem } from '@edgenet/network-config/contract';
import {
  ApiClientError,
  ApiError,
  type ApiTransport,
  type ContractChecker,
  createApiClient,
  type HttpMethod,
  type TransportOptions,
  type TransportResponse,
  type TypedApiClient,
} from '@edgenet/network-config/contract/client';
import type { SessionStore } from './session-store';

export interface HttpClientOptions {
  /** The server, e.g. http://localhost:8080. */
  url: string;
  store: SessionStore;
  /** Asked once, when a sign-in is needed; rejects (ApiClientError) when no password can be had. */
  getPassword: () => Promise<string>;
  /** The new password, when the initial one must be changed (--new-password). */
  newPassword?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Checks the answers of the session endpoints against the contract (see app.ts). */
  check?: ContractChecker;
}

function localized(en: string, ja: string) {
  return { en, ja };
}

function authError(code: string, en: string, ja: string): ApiClientError {
  return new ApiClientError(en, { code, kind: 'authentication', localized: localized(en, ja) });
}

/** A problem's own message, when the server sent one. */
function problemText(problem: Problem | null): NonNullable<Problem['message']> | null {
  if (problem?.message) return problem.message;
  if (problem?.detail) return { en: problem.detail, ja: problem.detail };
  return null;
}

/** Parses a URL given by the user, or throws a UsageError-worthy message. */
export function parseServerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" is not a URL (expected e.g. http://localhost:8080).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`"${text}" is not an http:// or https:// URL.`);
  }
  return url;
}

export class HttpApiClient implements ApiTransport {
  private readonly url: URL;
  private readonly origin: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private cookies = new Map<string, string>();
  private password: string | null = null;
  /** Health, sign-in, password and sign-out, typed by the endpoint table; cookies taken from each. */
  private readonly session: TypedApiClient;

  constructor(private readonly options: HttpClientOptions) {
    this.url = parseServerUrl(options.url);
    this.origin = this.url.origin;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    const saved = options.store.get(this.origin);
    if (saved) this.loadCookies(saved);
    this.session = createApiClient(
      {
        request: async (method, path, body, headers) => {
          const { res, raw } = await this.send(method, path, body, headers);
          this.takeCookies(raw);
          return res;
        },
      },
      options.check ? { check: options.check } : {},
    );
  }

  private loadCookies(header: string): void {
    for (const pair of header.split(/;\s*/)) {
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Takes `name=value` from each Set-Cookie; an expired or emptied cookie is dropped. */
  private takeCookies(headers: Headers): boolean {
    const list = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
    for (const line of list) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return list.length > 0;
  }

  private save(): void {
    if (this.cookies.size > 0) this.options.store.set(this.origin, this.cookieHeader());
    else this.options.store.delete(this.origin);
  }

  /** One HTTP exchange, no session logic. */
  private async send(
    method: HttpMethod,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
    options: TransportOptions = {},
  ): Promise<{ res: TransportResponse; raw: Headers }> {
    const target = new URL(path, this.url);
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      // The revision history names the command line as the source of its changes.
      'edgenet-source': 'cli',
      ...extraHeaders,
    };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    let payload: string | undefined;
    if (method !== 'GET') {
      // The server refuses cross-site writes: every write names our origin and is JSON.
      // A DELETE has no body of its own, but JSON with an empty body is a 400 in Fastify,
      // so it carries `{}`.
      headers.origin = this.origin;
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body ?? {});
    }
    let response: Response;
    try {
      response = await this.fetch(target, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'manual',
      });
    } catch (error) {
      throw this.connectionError(error);
    }
    const text = await response.text().catch(() => '');
    const type = response.headers.get('content-type') ?? '';
    let parsed: unknown = null;
    const ok = response.status >= 200 && response.status < 300;
    if (ok && options.responseType === 'text') {
      // A file (an export): its text as the server wrote it, whatever its media type.
      parsed = text;
    } else if (text !== '') {
      if (/json/i.test(type)) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      } else {
        parsed = text;
      }
    }
    const lower: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      lower[key.toLowerCase()] = value;
    });
    return {
      res: { status: response.status, headers: lower, body: parsed },
      raw: response.headers,
    };
  }

  private connectionError(error: unknown): ApiClientError {
    const e = error as {
      name?: string;
      message?: string;
      cause?: { code?: string; message?: string };
    };
    const where = this.origin;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
      const s = Math.round(this.timeoutMs / 1000);
      return new ApiClientError(`The edgenet server at ${where} did not answer within ${s} s.`, {
        code: 'connection.timeout',
        localized: localized(
          `The edgenet server at ${where} did not answer within ${s} s.`,
          `${where} の edgenet サーバーが ${s} 秒以内に応答しませんでした。`,
        ),
      });
    }
    const code = e?.cause?.code ?? '';
    if (code === 'ECONNREFUSED') {
      return new ApiClientError(`Cannot connect to ${where}: connection refused.`, {
        code: 'connection.refused',
        localized: localized(
          `Cannot connect to the edgenet server at ${where}: connection refused. Is it running? Start it with "npm start", or give its address with --url or EDGENET_URL.`,
          `${where} の edgenet サーバーに接続できません (接続が拒否されました)。サーバーは起動していますか? "npm start" で起動するか、--url または EDGENET_URL でアドレスを指定してください。`,
        ),
      });
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      return new ApiClientError(`Cannot find the host of ${where}.`, {
        code: 'connection.hostNotFound',
        localized: localized(
          `Cannot find the host of ${where}: check --url or EDGENET_URL.`,
          `${where} のホストが見つかりません。--url または EDGENET_URL を確認してください。`,
        ),
      });
    }
    const detail = e?.cause?.message || e?.message || String(error);
    return new ApiClientError(`Cannot connect to ${where}: ${detail}`, {
      code: code ? `connection.${code}` : 'connection.failed',
      localized: localized(
        `Cannot connect to the edgenet server at ${where}: ${detail}`,
        `${where} の edgenet サーバーに接続できません: ${detail}`,
      ),
    });
  }

  private changeRequired(): ApiClientError {
    return authError(
      'password.changeRequired',
      `The device's initial password must be changed before first use. Change it in the web UI (${this.origin}), or run edgenet-ps again with --new-password (8–16 characters, using three of: upper case, lower case, digits, special characters).`,
      `最初に使う前に、デバイスの初期パスワードを変更する必要があります。Web UI (${this.origin}) で変更するか、--new-password を付けて edgenet-ps を再実行してください (8 から 16 文字で、大文字、小文字、数字、特殊文字のうち 3 種類を使用)。`,
    );
  }

  private async currentPassword(): Promise<string> {
    if (this.password === null) {
      // Reach the server before asking for a password: a wrong URL is said first, and nobody
      // types a password for a server that is not there. (Any answer will do; health is free.)
      await this.session.call('getHealth').catch((error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      });
      this.password = await this.options.getPassword();
    }
    return this.password;
  }

  /** Signs in (POST /api/session) and saves the cookie; changes the password if it must. */
  async signIn(): Promise<void> {
    const password = await this.currentPassword();
    this.cookies.clear();
    let session: AnswerOf<'signIn'>;
    try {
      session = (await this.session.call('signIn', { body: { password } })).data;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 403 && error.code === 'password.changeRequired') {
        await this.changePassword();
        return;
      }
      throw this.signInRefused(error);
    }
    this.save();
    if (session.mustChangePassword) await this.changePassword();
  }

  /** Forgets the password and the session, and words the refusal. */
  private signInRefused({ status, problem, code }: ApiError): ApiClientError {
    this.password = null;
    this.options.store.delete(this.origin);
    const text = problemText(problem);
    if (status === 401) {
      return authError(
        code ?? 'session.wrongPassword',
        `Sign-in to ${this.origin} failed: ${text?.en ?? 'wrong password.'}`,
        `${this.origin} へのサインインに失敗しました: ${text?.ja ?? 'パスワードが違います。'}`,
      );
    }
    if (status === 429) {
      const after = problem?.retryAfterSeconds;
      const wait = after ? ` Try again in ${after} s.` : '';
      const waitJa = after ? ` ${after} 秒後に再試行してください。` : '';
      return authError(
        code ?? 'session.lockedOut',
        `Sign-in to ${this.origin} is locked after too many failed attempts.${wait}`,
        `サインインの失敗が多すぎるため、${this.origin} へのサインインはロックされています。${waitJa}`,
      );
    }
    return authError(
      code ?? `session.http${status}`,
      `Sign-in to ${this.origin} failed (HTTP ${status})${text ? `: ${text.en}` : '.'}`,
      `${this.origin} へのサインインに失敗しました (HTTP ${status})${text ? `: ${text.ja}` : '。'}`,
    );
  }

  private async changePassword(): Promise<void> {
    const newPassword = this.options.newPassword;
    if (!newPassword) throw this.changeRequired();
    const currentPassword = await this.currentPassword();
    try {
      await this.session.call('changePassword', { body: { currentPassword, newPassword } });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const issues = error.issues.map((issue) => issue.message);
      const text =
        issues.length > 0 ? issues : [problemText(error.problem)].filter((t) => t !== null);
      throw authError(
        error.code ?? 'password.changeFailed',
        `The new password was refused (HTTP ${error.status}): ${text.map((t) => t.en).join(' ') || 'no reason given.'}`,
        `新しいパスワードは受け付けられませんでした (HTTP ${error.status}): ${text.map((t) => t.ja).join(' ') || '理由は示されていません。'}`,
      );
    }
    // The old session may not survive a password change: sign in afresh with the new one.
    this.password = newPassword;
    this.options.newPassword = undefined;
    await this.signIn();
  }

  async request(
    method: HttpMethod,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    options?: TransportOptions,
  ): Promise<TransportResponse> {
    if (this.cookies.size === 0) await this.signIn();
    let { res } = await this.send(method, path, body, headers, options);
    if (res.status === 401) {
      // The saved session expired (or the server restarted): sign in once more.
      this.cookies.clear();
      await this.signIn();
      ({ res } = await this.send(method, path, body, headers, options));
    }
    if (
      res.status === 403 &&
      (res.body as Partial<Problem> | null)?.code === 'password.changeRequired'
    ) {
      if (!this.options.newPassword) throw this.changeRequired();
      await this.changePassword();
      ({ res } = await this.send(method, path, body, headers, options));
    }
    return res;
  }

  /** Signs out (DELETE /api/session) and forgets the saved cookie; true if there was one. */
  async signOut(): Promise<boolean> {
    const had = this.cookies.size > 0;
    if (had) {
      try {
        await this.session.call('signOut');
      } catch {
        // Unreachable server: forgetting the cookie locally is what matters.
      }
    }
    this.cookies.clear();
    this.options.store.delete(this.origin);
    return had;
  }
}
