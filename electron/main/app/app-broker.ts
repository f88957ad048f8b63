/**
 * The broker hosted by the app: `credential_process` calls from any terminal or tool are served by the
 * app's engine, so they share its sessions and its MFA popup. A broker that failed to start (a live
 * `latchkey agent` already serves the socket) is not stopped: the socket is the agent's, not ours.
 */
import { BrokerServer } from '../../core/broker/broker-server';
import { engineBrokerHost } from '../../core/broker/engine-broker-host';
import type { WatchedPrompt } from '../../core/broker/watched-prompt';
import type { GrantsHeld } from '../../core/broker/endpoint-grants-held';
import type { SessionEngine } from '../../core/sessions/session-engine';

export class AppBroker {
  readonly #server: BrokerServer;
  #serving = false;

  constructor(
    socketPath: string,
    engine: Pick<SessionEngine, 'credentialsAndRegion' | 'cachedSessions' | 'forget' | 'forgetAll'>,
    /** A session was handed out: the tray shows it. */
    served: () => void,
    /** The engine's MFA prompt: callers waiting on the broker are told the popup asks. */
    prompt?: Pick<WatchedPrompt, 'watch'>,
    /** The credential endpoints that register here, which the tray shows and revokes. */
    grants?: GrantsHeld,
  ) {
    this.#server = new BrokerServer(engineBrokerHost('app', engine, served, grants), { socketPath, prompt, registered: served });
  }

  /** Rejects with the reason the socket cannot be served. */
  async start(): Promise<void> {
    await this.#server.listen();
    this.#serving = true;
  }

  /** Closes the server and removes its socket, if it ever served. */
  async stop(): Promise<void> {
    if (!this.#serving) return;
    this.#serving = false;
    await this.#server.close();
  }
}
