// HubSpot's front door as each replica sees it: a pass-through proxy to the sandbox portal that
// notes which companies each batch update wrote and from which cursor each list page was read,
// so the failover test can tell which replica wrote what, and whether anything was written twice.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const BATCH_UPDATE = '/crm/v3/objects/companies/batch/update';
const LIST = '/crm/v3/objects/companies';

export interface CompanyWrite {
  /** Which replica sent it. */
  replica: string;
  /** When the proxy received it (ms since the epoch). */
  at: number;
  ids: string[];
  /** What it wrote, by company id. */
  properties: Record<string, Record<string, string>>;
}

export interface PageRead {
  replica: string;
  at: number;
  /** The `after` cursor asked for; null for the first page. */
  after: string | null;
}

/** A call HubSpot has answered, at the moment its answer reaches the proxy. */
export interface AnsweredCall {
  replica: string;
  /** "POST /crm/v3/objects/tasks/batch/create", without the query. */
  route: string;
  status: number;
}

/** What every proxy saw, in arrival order. */
export interface Traffic {
  writes: CompanyWrite[];
  pages: PageRead[];
  /**
   * Called when HubSpot's answer to a call arrives, before the replica gets it: a test can stop
   * the replica at the one moment where HubSpot has done something the replica never heard of.
   */
  onAnswered: ((call: AnsweredCall) => void) | null;
}

export interface RecordingProxy {
  url: string;
  close(): Promise<void>;
}

export function emptyTraffic(): Traffic {
  return { writes: [], pages: [], onAnswered: null };
}

/** A proxy on a free loopback port forwarding everything to `target`, noting into `traffic`. */
export async function startRecordingProxy(
  replica: string,
  target: string,
  traffic: Traffic,
): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      // Cut off by a kill: HubSpot would never see a half request, so neither does the sandbox.
      if (!req.complete) return void res.destroy();
      note(replica, req, body, traffic);
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          const route = `${req.method} ${new URL(req.url ?? '/', 'http://proxy').pathname}`;
          traffic.onAnswered?.({ replica, route, status: answer.statusCode ?? 0 });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      // The replica was killed mid-call, or the sandbox closed: nobody is left to answer.
      forward.once('error', () => res.destroy());
      forward.end(body);
    });
  });
  const url = await listen(server);
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function note(replica: string, req: IncomingMessage, body: Buffer, traffic: Traffic): void {
  const url = new URL(req.url ?? '/', 'http://proxy');
  const at = Date.now();
  if (req.method === 'POST' && url.pathname === BATCH_UPDATE) {
    const { inputs } = JSON.parse(body.toString()) as {
      inputs: { id: string | number; properties: Record<string, string> }[];
    };
    traffic.writes.push({
      replica,
      at,
      ids: inputs.map((input) => String(input.id)),
      properties: Object.fromEntries(inputs.map((i) => [String(i.id), i.properties])),
    });
  } else if (req.method === 'GET' && url.pathname === LIST) {
    traffic.pages.push({ replica, at, after: url.searchParams.get('after') });
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.once('end', () => resolve(Buffer.concat(parts)));
    req.once('error', () => resolve(Buffer.concat(parts)));
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}
