/**
 * edgenet-ps's own options. They come before the cmdlet: everything from the first word that
 * is not an option on belongs to the cmdlet (`edgenet-ps --json Get-HcsNetRoute -InterfaceAlias
 * Port3`), so cmdlet parameters never collide with ours.
 */
import type { Locale } from '@edgenet/hcs-shell';

export interface CliOptions {
  url?: string;
  password?: string;
  newPassword?: string;
  file?: string;
  command?: string;
  continueOnError: boolean;
  locale?: Locale;
  json: boolean;
  signOut: boolean;
  help: boolean;
  version: boolean;
  /** The cmdlet and its arguments, as the shell passed them (quotes already removed). */
  rest: string[];
  /** `--export <format>`: write the configuration in that format (to stdout or `--out`). */
  exportFormat?: string;
  out?: string;
  /** `--import <file>`: preview, then apply the file (`--dry-run`: preview only). */
  importFile?: string;
  importFormat?: string;
  mode?: string;
  dryRun?: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const VALUE_OPTIONS: Record<string, keyof CliOptions> = {
  '--url': 'url',
  '--password': 'password',
  '--new-password': 'newPassword',
  '--file': 'file',
  '-f': 'file',
  '--command': 'command',
  '-c': 'command',
  '--locale': 'locale',
  '--export': 'exportFormat',
  '--out': 'out',
  '--import': 'importFile',
  '--format': 'importFormat',
  '--mode': 'mode',
};

const FLAG_OPTIONS: Record<string, keyof CliOptions> = {
  '--continue-on-error': 'continueOnError',
  '--json': 'json',
  '--sign-out': 'signOut',
  '--help': 'help',
  '-h': 'help',
  '-?': 'help',
  '--version': 'version',
  '-v': 'version',
  '--dry-run': 'dryRun',
};

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    continueOnError: false,
    json: false,
    signOut: false,
    help: false,
    version: false,
    rest: [],
  };
  const record = options as unknown as Record<string, unknown>;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      options.rest = argv.slice(i + 1);
      break;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const valueKey = VALUE_OPTIONS[name];
    const flagKey = FLAG_OPTIONS[name];
    if (valueKey) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value.`);
      if (valueKey === 'locale' && value !== 'en' && value !== 'ja') {
        throw new UsageError(`--locale must be en or ja, not "${value}".`);
      }
      record[valueKey] = value;
    } else if (flagKey && eq < 0) {
      record[flagKey] = true;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${name}.`);
    } else {
      // The first word that is not one of our options starts the cmdlet.
      options.rest = argv.slice(i);
      break;
    }
  }
  if (options.command !== undefined && options.rest.length > 0) {
    throw new UsageError('give the command either with --command or after the options, not both.');
  }
  if (options.file !== undefined && (options.command !== undefined || options.rest.length > 0)) {
    throw new UsageError('--file runs a script; give no command with it.');
  }
  const exchange = options.exportFormat !== undefined || options.importFile !== undefined;
  if (options.exportFormat !== undefined && options.importFile !== undefined) {
    throw new UsageError('give --export or --import, not both.');
  }
  if (
    exchange &&
    (options.file !== undefined || options.command !== undefined || options.rest.length > 0)
  ) {
    throw new UsageError('--export and --import run alone; give no command or script with them.');
  }
  if (options.mode !== undefined && options.mode !== 'merge' && options.mode !== 'replace') {
    throw new UsageError(`--mode must be merge or replace, not "${options.mode}".`);
  }
  return options;
}

/** The locale from --locale, else from LC_ALL / LC_MESSAGES / LANG (ja_JP.UTF-8 → ja). */
export function localeFrom(
  option: Locale | undefined,
  env: Record<string, string | undefined>,
): Locale {
  if (option) return option;
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja([_.-]|$)/i.test(lang) ? 'ja' : 'en';
}

/** Quotes `value` for PowerShell when it needs it: single quotes, with ' doubled. */
function quoteValue(value: string): string {
  if (value !== '' && /^[^\s'"`$;|&,<>(){}@#\u2018-\u201E]+$/.test(value)) return value;
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, "''")}'`;
}

/**
 * Rebuilds the command line the user typed from the words the shell passed. The shell has
 * removed the quotes, so a value holding spaces or PowerShell's special characters is quoted
 * again. Parameter names (`-InterfaceAlias`, `-RouteMetric:5`) and `$true`/`$false` stay bare.
 */
export function joinCommandLine(words: readonly string[]): string {
  return words
    .map((word, i) => {
      if (i === 0) return quoteValue(word);
      if (/^\$(true|false|null)$/i.test(word)) return word;
      const parameter = /^(-[A-Za-z_?][\w-]*)(:?)([\s\S]*)$/.exec(word);
      if (parameter) {
        const [, name, colon, value] = parameter;
        if (!colon) return name;
        return `${name}:${value === '' ? '' : /^\$(true|false|null)$/i.test(value ?? '') ? value : quoteValue(value ?? '')}`;
      }
      return quoteValue(word);
    })
    .join(' ');
}
