import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CardApiDeps } from './card-api-deps.ts';
import { createServer } from './create-server.ts';

export interface ServerOptions {
  /** PORT; 0 picks a free one. */
  port: number;
  /** Default: every interface, as behind a proxy or load balancer. */
  host?: string;
}

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:3000. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the card API; rejects with a message that says what to change when it cannot listen. */
export async function startServer(
  deps: CardApiDeps,
  options: ServerOptions,
): Promise<RunningServer> {
  const server = createHttpServer(createServer(deps));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, options)));
    server.listen(options.port, options.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address === '::' || address === '0.0.0.0' ? 'localhost' : address;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      // Requests under way finish first; idle keep-alive sockets are closed at once.
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function listenError(error: NodeJS.ErrnoException, options: ServerOptions): Error {
  const where = `port ${options.port}${options.host ? ` on ${options.host}` : ''}`;
  if (error.code === 'EADDRINUSE')
    return new Error(
      `The card API cannot listen on ${where}: something else uses it. Stop that, or set PORT to a free port.`,
    );
  if (error.code === 'EACCES')
    return new Error(
      `The card API may not listen on ${where}: ports below 1024 need privileges. Set PORT to 1024 or above.`,
    );
  return new Error(`The card API cannot listen on ${where}: ${error.message}`);
}
