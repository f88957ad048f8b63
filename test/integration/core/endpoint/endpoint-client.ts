/** Plain HTTP clients of a credential endpoint for the tests: one request with chosen headers, or raw bytes on a socket. */
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Ask {
  method?: string;
  /** Headers to send; `host: undefined` sends none. Host is the URI's own unless given. */
  headers?: Record<string, string | string[] | undefined>;
  body?: string;
}

/** One request to `uri`, on a connection of its own. */
export function ask(uri: string, { method = 'GET', headers = {}, body }: Ask = {}): Promise<Reply> {
  const url = new URL(uri);
  const sent = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined));
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: sent, setHost: !('host' in headers), agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Connects to the port, lets `send` write, and collects everything until the endpoint closes the connection. */
export function raw(port: number, send: (socket: Socket) => void): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
    socket.on('connect', () => send(socket));
  });
}

/** The status line of a raw answer. */
export const statusLine = (answer: string) => answer.split('\r\n')[0] ?? '';
