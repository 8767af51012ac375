/** Fake standard streams for running the CLI in-process. */
import { PassThrough, Readable } from 'node:stream';

export interface Captured {
  stream: NodeJS.WriteStream;
  text(): string;
}

export function capture(): Captured {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => {
    text += String(chunk);
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

/** A non-TTY standard input holding `text`. */
export function input(text = ''): NodeJS.ReadStream {
  return Readable.from([Buffer.from(text)]) as unknown as NodeJS.ReadStream;
}
