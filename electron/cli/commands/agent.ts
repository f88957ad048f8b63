/**
 * `latchkey agent`: the broker without the desktop app, for servers, WSL and SSH boxes. It holds
 * sessions in memory (in front of the keychain), asks for MFA on its own terminal or answers from a
 * stored seed, and runs in the foreground until SIGINT, SIGTERM or SIGHUP, when it removes its socket.
 * It turns its core dumps off first, since it holds sessions in memory for hours.
 */
import { resolve } from 'node:path';
import { BrokerServer } from '../../core/broker/broker-server';
import { disableCoreDumps } from '../../core/broker/disable-core-dumps';
import { engineBrokerHost } from '../../core/broker/engine-broker-host';
import { WatchedPrompt } from '../../core/broker/watched-prompt';
import { KeychainSessionCache } from '../../core/sessions/keychain-session-cache';
import { LayeredSessionCache } from '../../core/sessions/layered-session-cache';
import { MemorySessionCache } from '../../core/sessions/memory-session-cache';
import { isLatchkeyError, LatchkeyError } from '../../shared/errors';
import { agentLog } from '../agent-log';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';
import { sayStopped, stopSignal } from '../stop-signals';
import { TerminalMfaPrompt } from '../terminal-mfa-prompt';

export const command: Command = {
  options: {
    socket: {
      type: 'string',
      value: 'PATH',
      help: 'listen on this socket instead of the per-user one (for a broker forwarded with ssh -R, or a relay)',
      example: '/home/me/.latchkey.sock',
    },
  },
  positionals: { min: 0, max: 0 },
  help: {
    examples: [
      'latchkey agent',
      'ssh -t build-box latchkey agent   # then, in another session there: latchkey credential-process dev',
      'latchkey agent --socket ~/.latchkey.sock   # a socket of your choosing; clients use LATCHKEY_BROKER=~/.latchkey.sock',
    ],
  },
  async run({ values }, io) {
    // Before any session is held; why prlimit and not a package: disable-core-dumps.ts.
    const dumps = disableCoreDumps();
    if (dumps) print(io.stderr, `latchkey agent: ${dumps}`);
    const context = new CliContext(io);
    await checkKeychain(context);
    // Callers waiting on the agent are told the code is asked here; each request served is one line.
    const prompt = new WatchedPrompt(new TerminalMfaPrompt(context.notice));
    const cache = new LayeredSessionCache(new MemorySessionCache(), new KeychainSessionCache(context.keychain()));
    const engine = await context.engine({ cache, prompt });
    const log = agentLog();
    const socketPath = typeof values.socket === 'string' ? resolve(values.socket) : context.brokerAddress;
    const server = new BrokerServer(engineBrokerHost('agent', engine), { socketPath, prompt, served: (event) => print(io.stderr, log(event)) });
    const stopped = stopSignal(); // before the socket exists (stop-signals.ts)
    await server.listen();
    print(io.stderr, `latchkey agent: serving sessions on ${socketPath}; Ctrl-C to stop`);
    const signal = await stopped;
    await server.close();
    sayStopped(() => print(io.stderr, `latchkey agent: stopped (${signal})`));
    return 0;
  },
};

/**
 * An agent holds its keys and sessions in the keychain: without one it would say it serves and then
 * fail every request (as on an SSH box with no Secret Service), so it checks once, before it serves.
 */
async function checkKeychain(context: CliContext): Promise<void> {
  try {
    await context.keychain().check();
  } catch (error) {
    if (!isLatchkeyError(error) || error.code !== 'keychain-unavailable') throw error;
    throw new LatchkeyError(
      'keychain-unavailable',
      'no keychain (Secret Service) answers on this session, so the agent could neither read a key nor keep a session, and did not start. ' +
        'Either start one for this login and run the agent again there, e.g. `dbus-run-session -- $SHELL`, then `gnome-keyring-daemon --unlock --components=secrets` ' +
        '(it reads the keyring password from stdin); or keep the keys on your laptop and use its Latchkey from here: forward its broker ' +
        '(ssh -R ~/.latchkey.sock:<the laptop\'s broker socket>) and set LATCHKEY_BROKER=~/.latchkey.sock here (README, "SSH, WSL and containers").',
      { cause: error },
    );
  }
}
