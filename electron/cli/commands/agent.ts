/**
 * `latchkey agent`: the broker without the desktop app, for servers, WSL and SSH boxes. It holds
 * sessions in memory (in front of the keychain), asks for MFA on its own terminal or answers from a
 * stored seed, and runs in the foreground until SIGINT or SIGTERM, when it removes its socket.
 */
import { BrokerServer } from '../../core/broker/broker-server';
import { engineBrokerHost } from '../../core/broker/engine-broker-host';
import { KeychainSessionCache } from '../../core/sessions/keychain-session-cache';
import { LayeredSessionCache } from '../../core/sessions/layered-session-cache';
import { MemorySessionCache } from '../../core/sessions/memory-session-cache';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';

export const command: Command = {
  options: {},
  positionals: { min: 0, max: 0 },
  async run(_input, io) {
    const context = new CliContext(io);
    const engine = await context.engine({ cache: new LayeredSessionCache(new MemorySessionCache(), new KeychainSessionCache(context.keychain())) });
    const server = new BrokerServer(engineBrokerHost('agent', engine), { socketPath: context.brokerAddress });
    await server.listen();
    print(io.stderr, `latchkey agent: serving sessions on ${context.brokerAddress}; Ctrl-C to stop`);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    await server.close();
    print(io.stderr, `latchkey agent: stopped (${signal})`);
    return 0;
  },
};
