/**
 * Terminal helpers: an output stream that can be muted (hidden password input through
 * readline's documented API, no private fields), the hidden prompt itself, and colours.
 */
import { createInterface, type Interface } from 'node:readline';
import { Writable } from 'node:stream';

/** Forwards to a TTY stream unless muted; looks like a TTY to readline. */
export class MutableOutput extends Writable {
  muted = false;
  readonly isTTY = true;

  constructor(private readonly target: NodeJS.WriteStream) {
    super();
    target.on('resize', () => this.emit('resize'));
  }

  get columns(): number {
    return this.target.columns ?? 80;
  }

  get rows(): number {
    return this.target.rows ?? 24;
  }

  override _write(chunk: unknown, encoding: BufferEncoding, callback: () => void): void {
    if (!this.muted) this.target.write(chunk as string, encoding);
    callback();
  }
}

export class PromptCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PromptCancelled';
  }
}

/** Asks `query` on an existing readline whose output is `output`, without echoing the answer. */
export function askHidden(rl: Interface, output: MutableOutput, query: string): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(query);
    output.muted = true;
    const onSigint = () => {
      output.muted = false;
      output.write('\n');
      rl.off('SIGINT', onSigint);
      reject(new PromptCancelled());
    };
    rl.on('SIGINT', onSigint);
    rl.question('', (answer) => {
      rl.off('SIGINT', onSigint);
      output.muted = false;
      output.write('\n');
      resolve(answer);
    });
  });
}

/** A one-off hidden prompt on a terminal (stdin must be a TTY). */
export async function promptHidden(
  input: NodeJS.ReadStream,
  target: NodeJS.WriteStream,
  query: string,
): Promise<string> {
  const output = new MutableOutput(target);
  const rl = createInterface({ input, output, terminal: true });
  try {
    return await askHidden(rl, output, query);
  } finally {
    rl.close();
  }
}

export interface Colours {
  error(text: string): string;
  warning(text: string): string;
}

/** Red errors and yellow warnings on a terminal, as PowerShell shows them; none with NO_COLOR. */
export function colours(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
): Colours {
  const on = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  const paint = (code: number) => (text: string) =>
    on ? text.replace(/[^\n]+/g, (line) => `\x1b[${code}m${line}\x1b[0m`) : text;
  return { error: paint(31), warning: paint(33) };
}
