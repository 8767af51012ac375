/**
 * The shell's own messages (parser, binding, transport), in English and Japanese. Where
 * PowerShell has a message for the same situation, the English text is PowerShell's, word for
 * word, and the Japanese text follows Windows PowerShell's ja-JP wording, so admins recognise
 * them. Validation messages are not here: they come from the server's issues.
 */

export type Locale = 'en' | 'ja';

export interface LocalizedText {
  en: string;
  ja: string;
}

export function text(en: string, ja: string): LocalizedText {
  return { en, ja };
}

export const msg = {
  commandNotFound: (name: string) =>
    text(
      `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
      `用語 '${name}' は、コマンドレット、関数、スクリプト ファイル、または操作可能なプログラムの名前として認識されません。名前が正しく記述されていることを確認し、パスが含まれている場合はそのパスが正しいことを確認してから、再試行してください。`,
    ),
  didYouMean: (candidates: string[]) =>
    text(
      `Did you mean ${candidates.join(' or ')}?`,
      `${candidates.join(' または ')} のことですか?`,
    ),
  parameterNotFound: (name: string) =>
    text(
      `A parameter cannot be found that matches parameter name '${name}'.`,
      `パラメーター名 '${name}' に一致するパラメーターが見つかりません。`,
    ),
  parameterAmbiguous: (name: string, matches: string[]) =>
    text(
      `Parameter cannot be processed because the parameter name '${name}' is ambiguous. Possible matches include: ${matches.map((m) => `-${m}`).join(' ')}.`,
      `パラメーター名 '${name}' があいまいなため、パラメーターを処理できません。一致する可能性のあるパラメーター: ${matches.map((m) => `-${m}`).join(' ')}。`,
    ),
  parameterAlreadyBound: (name: string) =>
    text(
      `Cannot bind parameter because parameter '${name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
      `パラメーター '${name}' が複数回指定されているため、パラメーターをバインドできません。複数の値を受け入れることができるパラメーターに複数の値を指定するには、配列構文を使用してください。たとえば、"-parameter value1,value2,value3" のように指定します。`,
    ),
  missingArgument: (name: string, type: string) =>
    text(
      `Missing an argument for parameter '${name}'. Specify a parameter of type '${type}' and try again.`,
      `パラメーター '${name}' の引数がありません。型 '${type}' のパラメーターを指定して、再試行してください。`,
    ),
  missingMandatory: (names: string[]) =>
    text(
      `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`,
      `1 つ以上の必須パラメーターが見つからないため、コマンドを処理できません: ${names.join(' ')}。`,
    ),
  positionalNotFound: (arg: string) =>
    text(
      `A positional parameter cannot be found that accepts argument '${arg}'.`,
      `引数 '${arg}' を受け入れる位置指定パラメーターが見つかりません。`,
    ),
  cannotConvert: (name: string, value: string, type: string) =>
    text(
      `Cannot process argument transformation on parameter '${name}'. Cannot convert value "${value}" to type "${type}". Error: "Input string was not in a correct format."`,
      `パラメーター '${name}' の引数変換を処理できません。値 "${value}" を型 "${type}" に変換できません。エラー: "入力文字列の形式が正しくありません。"`,
    ),
  booleanOnly: (name: string, value: string) =>
    text(
      `Cannot process argument transformation on parameter '${name}'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0. (The value was "${value}".)`,
      `パラメーター '${name}' の引数変換を処理できません。値 "System.String" を型 "System.Boolean" に変換できません。ブール型のパラメーターには、$True、$False、1、0 などのブール値または数値のみを指定できます (値: "${value}")。`,
    ),
  emptyString: (name: string) =>
    text(
      `Cannot bind argument to parameter '${name}' because it is an empty string.`,
      `空の文字列であるため、引数をパラメーター '${name}' にバインドできません。`,
    ),
  missingTerminator: (quote: string) =>
    text(
      `The string is missing the terminator: ${quote}.`,
      `文字列に終端記号 ${quote} がありません。`,
    ),
  missingBlockCommentEnd: () =>
    text(
      `Missing the end of a block comment: #> was expected.`,
      `ブロック コメントの終わりがありません: #> が必要です。`,
    ),
  unsupportedOperator: (op: string) =>
    text(
      `'${op}' is not supported by this console: it runs one cmdlet per statement, with literal arguments (no pipelines, redirection, script blocks, sub-expressions or arrays).`,
      `'${op}' はこのコンソールではサポートされていません。1 つのステートメントで 1 つのコマンドレットを、リテラルの引数で実行します (パイプライン、リダイレクト、スクリプト ブロック、部分式、配列は使えません)。`,
    ),
  unsupportedVariable: (name: string) =>
    text(
      `The variable '$${name}' cannot be retrieved: this console has no variables. Write the value itself, quoted if it contains spaces.`,
      `変数 '$${name}' を取得できません。このコンソールには変数がありません。値そのものを (スペースを含む場合は引用符で囲んで) 指定してください。`,
    ),
  oneCommandPerLine: () =>
    text(
      'This line holds more than one command; run them one at a time, or as a script.',
      'この行には複数のコマンドが含まれています。1 つずつ実行するか、スクリプトとして実行してください。',
    ),
  validationFailed: (parameter: string, detail: string) =>
    text(
      `Cannot validate argument on parameter '${parameter}'. ${detail}`,
      `パラメーター '${parameter}' の引数を確認できません。${detail}`,
    ),
  connectionFailed: (detail: string) =>
    text(
      `Cannot reach the edgenet server: ${detail}`,
      `edgenet サーバーに接続できません: ${detail}`,
    ),
  unexpectedAnswer: (status: number) =>
    text(
      `The edgenet server sent an answer this console does not understand (HTTP ${status}).`,
      `edgenet サーバーから、このコンソールが解釈できない応答が返されました (HTTP ${status})。`,
    ),
  httpStatus: (status: number) =>
    text(
      `The edgenet server refused the request (HTTP ${status}).`,
      `edgenet サーバーが要求を拒否しました (HTTP ${status})。`,
    ),
  interfaceNotFound: (alias: string) =>
    text(
      `No interface named '${alias}' exists on this device. Get-NetAdapter lists the ports.`,
      `このデバイスには '${alias}' というインターフェイスはありません。Get-NetAdapter でポートの一覧を表示できます。`,
    ),
  routeNotFound: (alias: string, prefix: string) =>
    text(
      `No custom route to ${prefix} exists on ${alias}. Get-HcsNetRoute lists the routes.`,
      `${alias} に宛先 ${prefix} のカスタム ルートはありません。Get-HcsNetRoute でルートの一覧を表示できます。`,
    ),
  computeJobStarted: (id: string) =>
    text(
      `The change is being applied (job ${id}); this takes a few minutes on the device.`,
      `変更を適用しています (ジョブ ${id})。デバイスでは数分かかります。`,
    ),
  helpNotFound: (name: string) =>
    text(
      `Get-Help could not find ${name} in a help file in this session. Get-Command lists the commands of this console.`,
      `Get-Help は、このセッションのヘルプ ファイルで ${name} を見つけることができませんでした。Get-Command でこのコンソールのコマンドの一覧を表示できます。`,
    ),
  parameterHelpNotFound: (cmdlet: string, name: string) =>
    text(
      `No parameter matches criteria ${name} for ${cmdlet}.`,
      `${cmdlet} の条件 ${name} に一致するパラメーターはありません。`,
    ),
  clusterNotRunning: (state: string) =>
    text(
      `The Kubernetes cluster is not running: compute is ${state}. Enable compute on a port (the Compute page) first.`,
      `Kubernetes クラスターは実行されていません (コンピューティングの状態: ${state})。先にポートでコンピューティングを有効にしてください (コンピューティング ページ)。`,
    ),
} as const;

/**
 * The warning the device prints when a remote PowerShell session starts (doc; the wording as the
 * device's documentation shows it, to the best of our record — no primary copy was at hand).
 */
export const SESSION_BANNER: LocalizedText = text(
  'WARNING: The Windows PowerShell interface of your device is intended to be used only for the initial network configuration. Please engage Microsoft Support if you need to access this interface to troubleshoot any potential issues you may be experiencing. Changes made through this interface without involving Microsoft Support could result in an unsupported configuration.',
  '警告: デバイスの Windows PowerShell インターフェイスは、初期ネットワーク構成にのみ使用することを目的としています。発生している可能性のある問題のトラブルシューティングのためにこのインターフェイスにアクセスする必要がある場合は、Microsoft サポートにお問い合わせください。Microsoft サポートを介さずにこのインターフェイスで行った変更は、サポートされない構成になる可能性があります。',
);
