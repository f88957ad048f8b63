/**
 * `latchkey serve NAME [--port P]`: a local credential endpoint for NAME until stopped, for tools started
 * elsewhere — a devcontainer or container where the broker's socket is mounted (LATCHKEY_BROKER), a
 * second terminal. It prints the two variables AWS SDKs and CLIs read (the token is a credential, printed
 * because that is what was asked), as `export` lines a shell can evaluate.
 */
import { ENDPOINT_SHADOWING_VARIABLES } from '../../core/endpoint/endpoint-environment';
import { usageError, type Command } from '../command';
import { print } from '../io';
import { serveEndpoint } from '../serve-endpoint';
import { sayStopped, stopSignal } from '../stop-signals';

export const command: Command = {
  options: {
    port: { type: 'string', value: 'PORT', help: 'listen on this port of 127.0.0.1 (a free one when omitted)', example: '9911' },
  },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'the identity or role whose sessions to serve' },
    examples: ['eval "$(latchkey serve dev --port 9911)"   # in one terminal; copy the lines into another', 'latchkey serve dev > /tmp/dev.env &   # then: . /tmp/dev.env'],
  },
  async run({ positionals: [name = ''], values }, io) {
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65_535)) throw usageError(`--port must be a port number from 1 to 65535, not "${values.port}"`);
    const stopped = stopSignal(); // before serving (stop-signals.ts)
    const { grant, close } = await serveEndpoint(name, `serve ${name}`, io, port);
    // The URI and the token are URL-safe characters; quoted all the same. Variables a tool would read first are unset.
    const lines = [
      `export AWS_CONTAINER_CREDENTIALS_FULL_URI='${grant.uri}'`,
      `export AWS_CONTAINER_AUTHORIZATION_TOKEN='${grant.token}'`,
      ...ENDPOINT_SHADOWING_VARIABLES.map((key) => `unset ${key}`),
    ];
    print(io.stdout, lines.join('\n'));
    print(io.stderr, `latchkey serve: serving ${name} on ${grant.uri}; Ctrl-C to stop`);
    const signal = await stopped;
    await close();
    sayStopped(() => print(io.stderr, `latchkey serve: stopped (${signal})`));
    return 0;
  },
};
