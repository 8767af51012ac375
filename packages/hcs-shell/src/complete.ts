/**
 * Tab completion of command names, parameter names and a few values (interface aliases,
 * kubectl resources and namespaces). Returns the words that may replace the last word of the
 * line; the caller (readline's completer, a web console) replaces it.
 */
import {
  ACTION_PREFERENCES,
  bindableParameters,
  CMDLETS,
  commandNames,
  findCommand,
  KUBECTL,
} from './cmdlets';

export interface CompletionHints {
  /** Port names for `-InterfaceAlias` (e.g. from GET /api/ports). */
  interfaceAliases?: readonly string[];
  /** Namespaces for `kubectl -n`. Defaults to the ones the device runs. */
  namespaces?: readonly string[];
}

const DEFAULT_NAMESPACES = ['default', 'kube-system', 'metallb-system'];
const KUBECTL_FLAGS = ['-n', '--namespace', '-A', '--all-namespaces', '-o', '--output'];
const KUBECTL_RESOURCES = ['pods', 'services', 'svc', 'nodes'];

function startsWith(candidate: string, prefix: string): boolean {
  return candidate.toLowerCase().startsWith(prefix.toLowerCase());
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}

/** The last word of a line prefix: what `complete` replaces. */
export function lastWord(linePrefix: string): string {
  return /[^\s;]*$/.exec(linePrefix)?.[0] ?? '';
}

export function complete(linePrefix: string, hints: CompletionHints = {}): string[] {
  const statement = linePrefix.slice(linePrefix.lastIndexOf(';') + 1);
  const word = lastWord(statement);
  const before = statement.slice(0, statement.length - word.length).trim();
  const words = before === '' ? [] : before.split(/\s+/);
  const [commandWord] = words;
  if (commandWord === undefined) {
    return commandNames().filter((n) => startsWith(n, word));
  }
  const command = findCommand(commandWord);
  if (!command) return [];
  const previous = words[words.length - 1] ?? '';

  if (command === KUBECTL) {
    const args = words.slice(1);
    if (previous === '-n' || previous === '--namespace') {
      return unique([...(hints.namespaces ?? []), ...DEFAULT_NAMESPACES]).filter((n) =>
        n.startsWith(word),
      );
    }
    if (previous === '-o' || previous === '--output')
      return ['wide'].filter((o) => o.startsWith(word));
    if (word.startsWith('-')) return KUBECTL_FLAGS.filter((f) => f.startsWith(word));
    const positional = args.filter(
      (a, i) =>
        !a.startsWith('-') && !['-n', '--namespace', '-o', '--output'].includes(args[i - 1] ?? ''),
    );
    if (positional.length === 0) return ['get'].filter((v) => v.startsWith(word));
    if (positional.length === 1) return KUBECTL_RESOURCES.filter((r) => r.startsWith(word));
    return [];
  }

  const info = CMDLETS.find((c) => c === command);
  if (!info) return [];
  if (/^[-\u2013\u2014]/.test(word)) {
    const typed = word.slice(1);
    const used = new Set(
      words
        .slice(1)
        .filter((w) => w.startsWith('-'))
        .map((w) => w.slice(1).replace(/:.*$/, '').toLowerCase()),
    );
    // The cmdlet's own parameters first, then the common ones, as PowerShell cycles them.
    return bindableParameters(info)
      .filter((p) => !used.has(p.name.toLowerCase()) && startsWith(p.name, typed))
      .map((p) => `-${p.name}`);
  }
  const previousParameter = previous.startsWith('-')
    ? bindableParameters(info).find((p) => startsWith(p.name, previous.slice(1)))
    : undefined;
  if (previousParameter?.type === 'ActionPreference') {
    return ACTION_PREFERENCES.filter((a) => startsWith(a, word));
  }
  const valueFor = previousParameter?.type === 'SwitchParameter' ? undefined : previousParameter;
  if (valueFor?.name === 'InterfaceAlias') {
    return (hints.interfaceAliases ?? []).filter((a) => startsWith(a, word));
  }
  const namesCommands = info.name === 'Get-Help' || info.name === 'Get-Command';
  if (namesCommands && (valueFor?.name === 'Name' || (!valueFor && words.length === 1))) {
    return commandNames().filter((n) => startsWith(n, word));
  }
  if (
    info.name === 'Get-NetAdapter' &&
    (valueFor?.name === 'Name' || (!valueFor && words.length === 1))
  ) {
    return (hints.interfaceAliases ?? []).filter((a) => startsWith(a, word));
  }
  return [];
}
