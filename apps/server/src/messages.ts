/**
 * Every message the server itself writes, in English and Japanese, in one table keyed by code
 * (issue 12, ADR 0036). Network rules and their messages stay in the core (`formatIssue`); this
 * table holds the rest: the title and message of each problem code the server answers (listed in
 * docs/issue-codes.md, checked by test/messages.test.ts), and the few texts that are not problems
 * (job step labels, the factory revision's summary, request-shape issues, the probe's summary).
 *
 * A problem entry whose text is a core issue's (`issue: true`) formats that issue, so the same
 * words are never written twice.
 */
import { formatIssue, type IssueCode, type IssueParams } from '@edgenet/network-config';

/** A text in both languages of the server. */
export interface LocalizedText {
  en: string;
  ja: string;
}

export type MessageParams = Readonly<Record<string, string | number | boolean | undefined>>;

type Text = (p: MessageParams) => string;

export type ServerMessage =
  | { title: string | Text; en: Text; ja: Text }
  /** The message of the core issue of the same code. */
  | { title: string; issue: true };

/** "Statement(s) 1, 2 of 3 ran" — exactly what was applied (console bounds). */
function ranEn(p: MessageParams): string {
  return p.ran
    ? `Statement(s) ${p.ran} of ${p.total} ran (see statements); the rest did not run.`
    : 'Nothing ran.';
}
function ranJa(p: MessageParams): string {
  return p.ran
    ? `${p.total} 個中 ${p.ran} 番目のステートメントが実行されました (statements を参照)。残りは実行されていません。`
    : '何も実行されていません。';
}
const CONSOLE_TITLE = 'The console line is past a bound';

/** A problem whose texts take no parameter. */
function fixed(title: string, en: string, ja: string): ServerMessage {
  return { title, en: () => en, ja: () => ja };
}

/** A text that takes no parameter. */
function same(en: string, ja: string): { en: Text; ja: Text } {
  return { en: () => en, ja: () => ja };
}

/** Fastify's own 4xx answers: its English message (about the request), our Japanese one. */
function fastify4xx(title: string, ja: string): ServerMessage {
  return { title, en: (p) => String(p.message), ja: () => ja };
}

export const SERVER_MESSAGES = {
  // ---- the request ---------------------------------------------------------------------------
  /** `message`: Fastify's own (its 400 and unlisted 4xx); without it, a request-shape problem. */
  'request.invalid': {
    title: (p) => (p.message !== undefined ? 'Bad request' : 'The request is malformed'),
    en: (p) =>
      p.message !== undefined
        ? String(p.message)
        : 'The request does not have the expected shape; see the issues.',
    ja: (p) =>
      p.message !== undefined
        ? 'リクエストが正しくありません。'
        : 'リクエストの形式が正しくありません。問題の一覧を確認してください。',
  },
  'resource.notFound': {
    title: 'Not found',
    en: (p) =>
      p.message !== undefined ? String(p.message) : `There is no ${p.method} ${p.path} in the API.`,
    ja: (p) =>
      p.message !== undefined ? '見つかりません。' : `API に ${p.method} ${p.path} はありません。`,
  },
  'method.notAllowed': fastify4xx('Method not allowed', 'このメソッドは使用できません。'),
  'request.notAcceptable': fastify4xx('Not acceptable', '受け入れられない形式です。'),
  'request.tooLarge': fastify4xx('Request body too large', 'リクエストの本文が大きすぎます。'),
  'request.uriTooLong': fastify4xx('URI too long', 'URI が長すぎます。'),
  'request.unsupportedMediaType': fastify4xx(
    'Unsupported media type',
    'サポートされていないメディア タイプです。Content-Type: application/json を使用してください。',
  ),
  'request.headersTooLarge': fixed(
    'Request header fields too large',
    'The request headers are too large.',
    'リクエスト ヘッダーが大きすぎます。',
  ),
  'request.timeout': fixed(
    'Request timeout',
    'The request did not arrive in time (see EDGENET_REQUEST_TIMEOUT_SECONDS and EDGENET_HEADERS_TIMEOUT_SECONDS).',
    'リクエストが制限時間内に届きませんでした。',
  ),
  'request.malformed': fixed(
    'Bad request',
    'The request is not valid HTTP.',
    'リクエストが正しい HTTP ではありません。',
  ),
  'request.crossSite': fixed(
    'Cross-site request refused',
    'This change did not come from the console itself, so it was refused.',
    'この変更はコンソール自体からの要求ではないため、拒否されました。',
  ),
  'request.hostNotAllowed': fixed(
    'Misdirected request',
    'This device does not answer to that host name. Use its address, localhost, or a name listed in EDGENET_ALLOWED_HOSTS.',
    'このデバイスはそのホスト名には応答しません。デバイスのアドレス、localhost、または EDGENET_ALLOWED_HOSTS に登録された名前を使用してください。',
  ),
  'request.rateLimited': {
    title: 'Too many requests',
    en: (p) => `Too many requests. Try again in ${p.seconds} s.`,
    ja: (p) => `リクエストが多すぎます。${p.seconds} 秒後にもう一度お試しください。`,
  },
  'server.error': {
    title: 'Internal server error',
    // Not "nothing was applied": a failure may come after a commit (issue 10). The history
    // (GET /api/revisions) says what was.
    en: () =>
      'Something went wrong on the server. Reload to see whether the change was applied: the history lists every applied change.',
    ja: () =>
      'サーバーでエラーが発生しました。変更が適用されたかどうかは、再読み込みして履歴で確認してください (適用された変更はすべて履歴に記録されます)。',
  },

  // ---- sign-in and sessions ------------------------------------------------------------------
  'signIn.lockedOut': {
    title: 'Too many failed sign-ins',
    en: (p) => `Sign-in is locked after too many failed attempts. Try again in ${p.seconds} s.`,
    ja: (p) =>
      `サインインの失敗が多すぎるため、サインインがロックされています。${p.seconds} 秒後にもう一度お試しください。`,
  },
  'signIn.failed': fixed(
    'Wrong password',
    'The password is not correct.',
    'パスワードが正しくありません。',
  ),
  'signIn.busy': fixed(
    'Too many sign-ins at once',
    'Too many sign-in attempts are in progress. Try again in a moment.',
    '処理中のサインインが多すぎます。しばらくしてからもう一度お試しください。',
  ),
  'session.required': fixed(
    'Sign-in required',
    'Sign in to use the device.',
    'デバイスを使用するにはサインインしてください。',
  ),
  /** `reason`: `idle` (inactivity) or `lifetime` (the maximum length). */
  'session.expired': {
    title: 'Session expired',
    en: (p) =>
      p.reason === 'lifetime'
        ? 'Your session reached its maximum length. Sign in again.'
        : 'Your session ended after a period of inactivity. Sign in again.',
    ja: (p) =>
      p.reason === 'lifetime'
        ? 'セッションが最大継続時間に達しました。もう一度サインインしてください。'
        : '一定時間操作がなかったため、セッションが終了しました。もう一度サインインしてください。',
  },
  'password.changeRequired': fixed(
    'Password change required',
    'Change the initial password before using the device (POST /api/password).',
    'デバイスを使用する前に初期パスワードを変更してください (POST /api/password)。',
  ),

  // ---- writes: revisions and the change lifecycle --------------------------------------------
  'validation.failed': {
    title: 'The change breaks a network rule',
    en: (p) => `The change was not applied: ${p.count} problem(s) to fix.`,
    ja: (p) => `変更は適用されませんでした。修正が必要な問題が ${p.count} 件あります。`,
  },
  'revision.stale': {
    title: 'The configuration changed meanwhile',
    en: (p) =>
      `Someone else changed the configuration (it is now at revision ${p.current}). Reload it and apply your change again.`,
    ja: (p) =>
      `他のユーザーが構成を変更しました (現在のリビジョンは ${p.current} です)。再読み込みしてから、もう一度変更を適用してください。`,
  },
  'revision.required': fixed(
    'If-Match required',
    'Send the revision you read in an If-Match header (the ETag of the configuration), so changes by others are never overwritten.',
    '他のユーザーの変更を上書きしないよう、読み取ったリビジョン (構成の ETag) を If-Match ヘッダーで送信してください。',
  ),
  'revision.unknown': {
    title: 'Not found',
    en: (p) => `There is no revision ${p.revision}.`,
    ja: (p) => `リビジョン ${p.revision} はありません。`,
  },
  'change.acknowledgementRequired': fixed(
    'The change needs an acknowledgement',
    'This change can cut you off from the console: send it again with acknowledge: ["port.managementChange"] to apply it tentatively.',
    'この変更によりコンソールに接続できなくなる可能性があります。acknowledge: ["port.managementChange"] を付けて再送すると仮適用されます。',
  ),
  'change.pendingConfirmation': {
    title: 'A change waits for confirmation',
    en: (p) =>
      `Revision ${p.revision} waits for confirmation until ${p.confirmBy}: confirm or revert it first (POST /api/pending/confirm or /api/pending/revert).`,
    ja: (p) =>
      `リビジョン ${p.revision} が ${p.confirmBy} まで確認待ちです。先に確定するか元に戻してください (POST /api/pending/confirm または /api/pending/revert)。`,
  },
  'change.nothingPending': fixed(
    'Conflict',
    'No change is waiting for confirmation.',
    '確認待ちの変更はありません。',
  ),

  // ---- ports, compute, routes ----------------------------------------------------------------
  'port.unknown': {
    title: 'Not found',
    en: (p) => `This device has no port named ${p.port}.`,
    ja: (p) => `このデバイスには ${p.port} という名前のポートはありません。`,
  },
  'compute.busy': fixed(
    'Conflict',
    'A compute change is being applied; wait for its job to finish.',
    'コンピューティングの変更を適用中です。ジョブが完了するまでお待ちください。',
  ),
  'job.unknown': {
    title: 'Not found',
    en: (p) => `There is no job ${p.id}.`,
    ja: (p) => `ジョブ ${p.id} はありません。`,
  },
  'route.duplicate': {
    title: 'Conflict',
    en: (p) => `A route to ${p.destinationPrefix} on ${p.interfaceAlias} already exists.`,
    ja: (p) => `${p.interfaceAlias} には ${p.destinationPrefix} へのルートが既にあります。`,
  },
  'route.notFound': {
    title: 'Not found',
    en: (p) => `There is no route to ${p.destinationPrefix} on ${p.interfaceAlias}.`,
    ja: (p) => `${p.interfaceAlias} に ${p.destinationPrefix} へのルートはありません。`,
  },
  'vm.unknown': {
    title: 'Not found',
    en: (p) => `There is no Kubernetes VM named ${p.vm} (the VMs are ${p.names}).`,
    ja: (p) => `${p.vm} という名前の Kubernetes VM はありません (VM: ${p.names})。`,
  },
  'probe.needsLinuxDriver': fixed(
    'Conflict',
    'A probe sends real packets: it needs the Linux driver (start the server with EDGENET_DRIVER=linux, as root). The route tester above answers from the model.',
    'プローブは実際のパケットを送信するため、Linux ドライバーが必要です (root で EDGENET_DRIVER=linux を指定してサーバーを起動してください)。上のルート テスターはモデルから回答します。',
  ),
  'probe.vmNotRunning': {
    title: 'Conflict',
    en: (p) => `The VM ${p.vm} is not running: configure compute first.`,
    ja: (p) => `VM ${p.vm} は実行されていません。先にコンピューティングを構成してください。`,
  },

  // ---- Kubernetes services -------------------------------------------------------------------
  'service.computeNotConfigured': { title: 'Conflict', issue: true },
  'service.duplicate': { title: 'Conflict', issue: true },
  'service.notFound': { title: 'Not found', issue: true },
  'service.system': {
    title: 'Conflict',
    en: (p) =>
      `services "${p.name}" in namespace ${p.namespace} belongs to the device and cannot be deleted.`,
    ja: (p) =>
      `名前空間 ${p.namespace} のサービス "${p.name}" はデバイスのものなので削除できません。`,
  },

  // ---- virtual switches and networks ---------------------------------------------------------
  'vswitch.unknown': {
    title: 'Not found',
    en: (p) => `There is no virtual switch named ${p.name}.`,
    ja: (p) => `${p.name} という名前の仮想スイッチはありません。`,
  },
  'vswitch.computeInUse': {
    title: 'Conflict',
    en: (p) =>
      `The virtual switch ${p.name} is enabled for compute. Disable compute on it before deleting it.`,
    ja: (p) =>
      `仮想スイッチ ${p.name} はコンピューティングに対して有効です。削除する前にコンピューティングを無効にしてください。`,
  },
  /** `networks`: the names of the switch's networks, or absent; `compute`: it has the role. */
  'vswitch.confirmDelete': {
    title: 'Conflict',
    en: (p) =>
      `Deleting the virtual switch ${p.name} also deletes ${
        p.networks !== undefined ? `its virtual networks (${p.networks})` : ''
      }${p.networks !== undefined && p.compute ? ' and ' : ''}${
        p.compute ? 'its compute setting' : ''
      }. Confirm to delete it.`,
    ja: (p) =>
      `仮想スイッチ ${p.name} を削除すると、${
        p.networks !== undefined ? `その仮想ネットワーク (${p.networks})` : ''
      }${p.networks !== undefined && p.compute ? 'と' : ''}${
        p.compute ? 'コンピューティングの設定' : ''
      }も削除されます。削除するには確認してください。`,
  },
  'vnet.unknown': {
    title: 'Not found',
    en: (p) => `The virtual switch ${p.switchName} has no virtual network named ${p.name}.`,
    ja: (p) =>
      `仮想スイッチ ${p.switchName} には ${p.name} という名前の仮想ネットワークはありません。`,
  },

  // ---- exchange ------------------------------------------------------------------------------
  'import.tooLarge': {
    title: 'The file is too large to import',
    en: (p) => `The file is ${p.megabytes} MB or more; split it into smaller files.`,
    ja: (p) => `ファイルが ${p.megabytes} MB 以上あります。小さなファイルに分けてください。`,
  },

  // ---- the console (issue 10) ----------------------------------------------------------------
  'console.lineTooLong': {
    title: CONSOLE_TITLE,
    en: (p) => `The line is longer than ${p.max} characters. ${ranEn(p)}`,
    ja: (p) => `行が ${p.max} 文字を超えています。${ranJa(p)}`,
  },
  'console.tooManyStatements': {
    title: CONSOLE_TITLE,
    en: (p) => `The line has more than ${p.max} statements. ${ranEn(p)}`,
    ja: (p) => `行に ${p.max} 個を超えるステートメントがあります。${ranJa(p)}`,
  },
  'console.nestedTooDeep': {
    title: CONSOLE_TITLE,
    en: (p) => `The line nests brackets deeper than ${p.max} levels. ${ranEn(p)}`,
    ja: (p) => `行の括弧の入れ子が ${p.max} 段を超えています。${ranJa(p)}`,
  },
  'console.outputTooLarge': {
    title: CONSOLE_TITLE,
    en: (p) => `The output passed ${p.max} characters. ${ranEn(p)}`,
    ja: (p) => `出力が ${p.max} 文字を超えました。${ranJa(p)}`,
  },
  'console.timeBudgetExceeded': {
    title: CONSOLE_TITLE,
    en: (p) => `The line ran longer than ${Number(p.max) / 1000} s. ${ranEn(p)}`,
    ja: (p) => `行の実行が ${Number(p.max) / 1000} 秒を超えました。${ranJa(p)}`,
  },
  'console.busy': {
    title: 'Too many console lines at once',
    en: (p) => `${p.max} console lines are already running. Try again in a moment.`,
    ja: (p) =>
      `すでに ${p.max} 行のコンソール コマンドが実行中です。しばらくしてからもう一度お試しください。`,
  },
} satisfies Record<string, ServerMessage>;

export type ServerCode = keyof typeof SERVER_MESSAGES;

/** Every problem code the server answers (docs/issue-codes.md lists each). */
export const SERVER_CODES = Object.keys(SERVER_MESSAGES) as ServerCode[];

/** The title and the English and Japanese message of a problem code. */
export function problemText(
  code: ServerCode,
  params: MessageParams = {},
): { title: string; message: LocalizedText } {
  const entry: ServerMessage = SERVER_MESSAGES[code];
  if ('issue' in entry) {
    const issue = { code: code as IssueCode, params: params as IssueParams };
    return {
      title: entry.title,
      message: { en: formatIssue(issue, 'en'), ja: formatIssue(issue, 'ja') },
    };
  }
  return {
    title: typeof entry.title === 'string' ? entry.title : entry.title(params),
    message: { en: entry.en(params), ja: entry.ja(params) },
  };
}

// ---- texts that are not problems ------------------------------------------------------------

/** Texts of the server that are not a problem's: each an English and a Japanese function. */
export const SERVER_TEXTS = {
  /** The summary of revision 1. */
  'revision.factory': same('Factory configuration', '出荷時の構成'),

  // The steps of a compute job (the simulated device; the Linux driver runs the same plan).
  'job.createExternalSwitch': {
    en: (p) => `Create the external virtual switch ${p.name}`,
    ja: (p) => `外部仮想スイッチ ${p.name} を作成`,
  },
  'job.createMasterVm': same('Create the Kubernetes master VM', 'マスター ノード VM を作成'),
  'job.createWorkerVm': {
    en: (p) => `Create Kubernetes worker VM ${p.n}`,
    ja: (p) => `ワーカー ノード VM ${p.n} を作成`,
  },
  'job.installCalico': same(
    'Install Calico (pod network)',
    'Calico (ポッド ネットワーク) をインストール',
  ),
  'job.installMetallb': same(
    'Install MetalLB (load balancer)',
    'MetalLB (ロード バランサー) をインストール',
  ),
  'job.installCoreDns': same('Install CoreDNS', 'CoreDNS をインストール'),
  'job.removeComponents': same(
    'Remove CoreDNS, MetalLB and Calico',
    'CoreDNS、MetalLB、Calico を削除',
  ),
  'job.removeWorkerVm': {
    en: (p) => `Remove Kubernetes worker VM ${p.n}`,
    ja: (p) => `ワーカー ノード VM ${p.n} を削除`,
  },
  'job.removeMasterVm': same('Remove the Kubernetes master VM', 'マスター ノード VM を削除'),
  'job.removeExternalSwitch': same('Remove the external virtual switch', '外部仮想スイッチを削除'),

  // The probe's one-line summary (Linux driver).
  'probe.answered': {
    en: (p) =>
      `${p.destination} answered ${p.received} of ${p.sent} pings from ${p.vm} (via ${p.via}).`,
    ja: (p) =>
      `${p.vm} から ${p.destination} への ping ${p.sent} 回のうち ${p.received} 回に応答がありました (経由: ${p.via})。`,
  },
  'probe.noAnswer': {
    en: (p) => `${p.destination} did not answer from ${p.vm}: ${p.error}.`,
    ja: (p) => `${p.vm} から ${p.destination} への ping に応答がありません: ${p.error}。`,
  },

  // Request-shape issues (`field.invalid` on a field, HTTP 400): what was expected.
  'shape.unknownField': {
    en: (p) => `Unknown field "${p.field}".`,
    ja: (p) => `不明な項目 "${p.field}" です。`,
  },
  'shape.tooLong': {
    en: (p) => `Too long: at most ${p.limit} characters.`,
    ja: (p) => `長すぎます。${p.limit} 文字以下にしてください。`,
  },
  'shape.tooShort': {
    en: (p) => `Too short: at least ${p.limit} characters.`,
    ja: (p) => `短すぎます。${p.limit} 文字以上にしてください。`,
  },
  'shape.tooManyItems': {
    en: (p) => `Too many items: at most ${p.limit}.`,
    ja: (p) => `項目が多すぎます。${p.limit} 個以下にしてください。`,
  },
  'shape.outOfRange': {
    en: (p) => `Out of range (${p.detail}).`,
    ja: (p) => `範囲外の値です (${p.detail})。`,
  },
  'shape.invalid': same('This value is not valid.', 'この値は無効です。'),
  'shape.oneOf': {
    en: (p) => `Expected one of: ${p.allowed}.`,
    ja: (p) => `次のいずれかを指定してください: ${p.allowed}。`,
  },
  /** `types`: `|`-separated JSON types (`string|null`). */
  'shape.type': {
    en: (p) => `Expected ${typeList(p.types, 'en')}.`,
    ja: (p) => `${typeList(p.types, 'ja')}を指定してください。`,
  },

  /** The line of the page served when the web app is not built. */
  'web.notBuilt': same(
    'The web app has not been built.',
    'Web アプリがビルドされていません。リポジトリで <code>npm run build</code> を実行してください。',
  ),
} satisfies Record<string, { en: Text; ja: Text }>;

export type ServerTextKey = keyof typeof SERVER_TEXTS;

export function serverText(key: ServerTextKey, params: MessageParams = {}): LocalizedText {
  const entry: { en: Text; ja: Text } = SERVER_TEXTS[key];
  return { en: entry.en(params), ja: entry.ja(params) };
}

const TYPE_TEXT: Record<string, LocalizedText> = {
  string: { en: 'text', ja: '文字列' },
  boolean: { en: 'true or false', ja: 'true または false' },
  integer: { en: 'a whole number', ja: '整数' },
  number: { en: 'a number', ja: '数値' },
  null: { en: 'null', ja: 'null' },
  object: { en: 'an object', ja: 'オブジェクト' },
  array: { en: 'a list', ja: '配列' },
};

function typeList(types: MessageParams[string], locale: 'en' | 'ja'): string {
  return String(types)
    .split('|')
    .map((t) => TYPE_TEXT[t]?.[locale] ?? t)
    .join(locale === 'en' ? ' or ' : ' または ');
}
