/** An identity's long-term key: the access key id from the settings, the secret from the keychain. */
import { LatchkeyError } from '../../shared/errors';
import type { Identity } from '../../shared/model';
import type { Keychain } from '../keychain/keychain';
import type { CredentialProvider, Credentials } from './credentials';
import { providerKey } from './provider-key';

export class IdentityProvider implements CredentialProvider {
  readonly key: string;

  constructor(
    private readonly identity: Identity,
    private readonly keychain: Keychain,
  ) {
    this.key = providerKey('identity', { name: identity.name, accessKeyId: identity.accessKeyId });
  }

  async retrieve(): Promise<Credentials> {
    const secretAccessKey = await this.keychain.get('identity', this.identity.name);
    if (secretAccessKey === undefined)
      throw new LatchkeyError(
        'not-found',
        `identity "${this.identity.name}": its secret access key is not in the keychain: enter it again (\`latchkey identity update ${this.identity.name} --access-key-id ${this.identity.accessKeyId}\` asks for it, as does editing the identity in the settings window)`,
      );
    return { accessKeyId: this.identity.accessKeyId, secretAccessKey };
  }
}
