/**
 * `latchkey forget NAME | --all`: drops cached sessions, so the next request asks STS (and MFA) again.
 * A running app or agent is asked to do it, since it holds sessions in memory as well as in the keychain.
 */
import { BROKER_PROTOCOL } from '../../shared/broker-contract';
import { LatchkeyError } from '../../shared/errors';
import { check, validateName } from '../../shared/validation';
import { askTheBroker } from '../ask-the-broker';
import { CliContext } from '../cli-context';
import { usageError, type Command } from '../command';
import { print } from '../io';

export const command: Command = {
  options: { all: { type: 'boolean', help: 'drop every cached session, the MFA sessions included' } },
  positionals: { min: 0, max: 1 },
  help: {
    arguments: { NAME: 'the identity or role whose cached session to drop' },
    examples: ['latchkey forget dev', 'latchkey forget --all'],
  },
  async run({ positionals: [name], values }, io) {
    if (name === undefined && !values.all) throw usageError('give a NAME or --all');
    if (name !== undefined && values.all) throw usageError('give a NAME or --all, not both');
    if (name !== undefined) check(validateName('name'), name);
    const reply = await askTheBroker(io, { type: 'forget', protocol: BROKER_PROTOCOL, ...(name === undefined ? {} : { name }) });
    let forgotten: string[];
    if (reply) {
      if (!reply.ok) throw new LatchkeyError('broker', reply.error.message);
      if (!('forgotten' in reply)) throw new LatchkeyError('broker', 'the Latchkey broker answered a forget request with something else');
      forgotten = reply.forgotten;
    } else {
      const engine = await new CliContext(io).engine();
      forgotten = name === undefined ? await engine.forgetAll() : await engine.forget(name);
    }
    const said =
      name === undefined
        ? `forgot ${forgotten.length} cached ${forgotten.length === 1 ? 'session' : 'sessions'}`
        : forgotten.length > 0
          ? `forgot the cached session of "${name}"`
          : `"${name}" had no cached session`;
    print(io.stdout, said);
    return 0;
  },
};
