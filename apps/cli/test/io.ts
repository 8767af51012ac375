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

/** SPEC §1.3's first line as a POSIX shell hands it over: its words, the quotes gone. */
export const SPEC_ADD_ROUTE_ARGV: readonly string[] = [
  'Add-HcsNetRoute',
  '-InterfaceAlias',
  'Port3',
  '-DestinationPrefix',
  '192.168.20.0/24',
  '-NextHop',
  '192.168.20.1',
  '-RouteMetric',
  '100',
];
