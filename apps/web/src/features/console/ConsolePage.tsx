import { complete, SESSION_BANNER } from '@edgenet/hcs-shell';
import { MANAGEMENT_DEFAULT, MANAGEMENT_PORT } from '@edgenet/network-config';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { problemText } from '../../components/StateViews';
import { useI18n } from '../../lib/i18n';
import { useDeviceConfig } from '../../lib/queries';
import { type ConsoleStream, useRunConsoleLineMutation } from './queries';

interface Entry {
  id: number;
  line: string;
  chunks: { stream: ConsoleStream; text: string }[];
}

/** Columns the server formats tables to: the console is narrower in kiosk screens. */
function consoleWidth(element: HTMLElement | null): number {
  if (!element) return 100;
  const chars = Math.floor(element.clientWidth / 8.2);
  return Math.max(40, Math.min(160, chars));
}

/**
 * The device's PowerShell cmdlets in the browser: each line runs on the server through the same
 * engine as the `edgenet-ps` command line, so what it changes shows on the other pages at once.
 */
export function ConsolePage() {
  const { t, locale } = useI18n();
  const ids = useId();
  const config = useDeviceConfig();
  const [line, setLine] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [history, setHistory] = useState<string[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [hint, setHint] = useState<string[]>([]);
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);

  const management = config.data?.ports.find((p) => p.name === MANAGEMENT_PORT);
  const prompt = `[${management?.address ?? MANAGEMENT_DEFAULT.address}]: PS>`;

  const run = useRunConsoleLineMutation({
    onSuccess: (answer, { line: text }) => {
      setEntries((list) => [...list, { id: nextId.current++, line: text, chunks: answer.chunks }]);
    },
    onError: (error, { line: text }) => {
      setEntries((list) => [
        ...list,
        {
          id: nextId.current++,
          line: text,
          chunks: [{ stream: 'error', text: problemText(error, locale) }],
        },
      ]);
    },
  });

  useEffect(() => {
    const log = logRef.current;
    if (log && entries.length > 0) log.scrollTop = log.scrollHeight;
  }, [entries]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = line.trim();
    setHint([]);
    if (!text || run.isPending) return;
    if (text === 'cls' || text === 'Clear-Host') {
      setEntries([]);
      setLine('');
      return;
    }
    setHistory((h) => (h[h.length - 1] === text ? h : [...h, text]));
    setCursor(null);
    setLine('');
    run.mutate({ line: text, locale, width: consoleWidth(logRef.current) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      if (history.length === 0) return;
      event.preventDefault();
      const up = event.key === 'ArrowUp';
      const current = cursor ?? history.length;
      const next = Math.max(0, Math.min(history.length, current + (up ? -1 : 1)));
      setCursor(next === history.length ? null : next);
      setLine(next === history.length ? '' : (history[next] ?? ''));
    } else if (event.key === 'Tab' && line.trim() !== '') {
      const aliases = config.data?.ports.map((p) => p.name) ?? [];
      const matches = complete(line, { interfaceAliases: aliases });
      if (matches.length === 0) return;
      // Tab completes; with nothing to complete it moves focus on, as everywhere else.
      event.preventDefault();
      const word = line.match(/(\S*)$/)?.[1] ?? '';
      const head = line.slice(0, line.length - word.length);
      if (matches.length === 1) {
        setLine(`${head}${matches[0]} `);
        setHint([]);
      } else {
        setLine(`${head}${commonPrefix(matches)}`);
        setHint(matches.slice(0, 12));
      }
    } else if (event.key === 'Escape') {
      setLine('');
      setHint([]);
    }
  };

  return (
    <div className="page">
      <PageHeader title={t('console.title')} description={t('console.description')} />
      <div className="console">
        <div
          ref={logRef}
          className="console-log mono"
          role="log"
          aria-label={t('console.output')}
          aria-live="polite"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must be reachable by keyboard (axe: scrollable-region-focusable)
          tabIndex={0}
        >
          {/* The device's session starts with its WARNING banner (SPEC §8). */}
          <pre className="console-chunk console-chunk--warning console-banner">
            {SESSION_BANNER[locale]}
          </pre>
          {entries.length === 0 ? <p className="console-hint">{t('console.empty')}</p> : null}
          {entries.map((entry) => (
            <div key={entry.id} className="console-entry">
              <div className="console-line">
                <span className="console-prompt">{prompt} </span>
                {entry.line}
              </div>
              {entry.chunks.map((chunk, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: chunks of one answer never reorder
                <pre key={i} className={`console-chunk console-chunk--${chunk.stream}`}>
                  {chunk.text}
                </pre>
              ))}
            </div>
          ))}
          {run.isPending ? (
            <div className="console-line" aria-busy="true">
              <span className="console-prompt">{prompt} </span>
              {run.variables?.line}
              <span className="console-running"> {t('console.running')}</span>
            </div>
          ) : null}
        </div>
        <form className="console-form" onSubmit={submit}>
          <label htmlFor={`${ids}-line`} className="console-prompt mono">
            {prompt}
          </label>
          <input
            ref={inputRef}
            id={`${ids}-line`}
            className="console-input mono"
            aria-label={t('console.input')}
            aria-describedby={`${ids}-help`}
            value={line}
            onChange={(e) => {
              setLine(e.target.value);
              setCursor(null);
            }}
            onKeyDown={onKeyDown}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="go"
          />
          <button type="submit" className="button button--primary" disabled={run.isPending}>
            {t('console.run')}
          </button>
        </form>
        {hint.length > 0 ? (
          <p className="console-hint mono" aria-live="polite">
            {hint.join('  ')}
          </p>
        ) : null}
        <p id={`${ids}-help`} className="console-help">
          {t('console.help')}
        </p>
      </div>
    </div>
  );
}

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) {
    while (!w.toLowerCase().startsWith(prefix.toLowerCase())) prefix = prefix.slice(0, -1);
  }
  return prefix;
}
