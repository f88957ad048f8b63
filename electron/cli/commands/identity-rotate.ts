/**
 * `latchkey identity rotate NAME [--keep-old]`: a new access key for the identity's IAM user, in the
 * keychain and verified before the old one is deactivated and deleted (core/iam/rotate-access-key). IAM
 * calls are signed with the identity's MFA session when it has an MFA device (from a running app or
 * agent, or asked here), else with its key.
 */
import { maskAccessKeyId } from '../../shared/mask';
import { check, validateName } from '../../shared/validation';
import { systemClock } from '../../core/clock';
import { lazyIamApi } from '../../core/iam/lazy-iam-api';
import { rotateAccessKey } from '../../core/iam/rotate-access-key';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';
import { sessionFor } from '../session-for';

export const command: Command = {
  options: {
    'keep-old': { type: 'boolean', default: false, help: 'leave the old key inactive rather than delete it (turn it back on in IAM if something still needs it)' },
  },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'the identity whose key to replace; its roles and profiles keep working' },
    examples: ['latchkey identity rotate alice', 'latchkey identity rotate alice --keep-old'],
  },
  async run({ positionals: [name = ''], values }, io) {
    check(validateName('identity name'), name);
    const context = new CliContext(io);
    const rotated = await rotateAccessKey(
      {
        settings: context.settings,
        keychain: context.keychain(),
        sts: context.sts(),
        iam: lazyIamApi(io.env),
        clock: systemClock,
        identitySession: async (identity) => (await sessionFor(identity, `identity rotate ${identity}`, io)).session,
      },
      { name, keepOld: Boolean(values['keep-old']), progress: context.notice },
    );
    const old = maskAccessKeyId(rotated.oldAccessKeyId);
    print(
      io.stdout,
      [
        `rotated the access key of identity "${name}" (IAM user "${rotated.userName}"): ${maskAccessKeyId(rotated.newAccessKeyId)} is in the keychain and works`,
        rotated.oldKey === 'deleted' ? `the old key ${old} is deleted` : `the old key ${rotated.oldAccessKeyId} is inactive: delete it in IAM once nothing needs it`,
      ].join('\n'),
    );
    context.notice('sessions made with the old key stay valid until they expire');
    return 0;
  },
};
