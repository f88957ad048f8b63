/** The keychain the CLI and the app use: the OS keychain, with chunking where it holds little. */
import { ChunkedKeychain } from './chunked-keychain';
import type { Keychain } from './keychain';
import { NapiSecretStore, type NapiSecretStoreOptions } from './napi-secret-store';

export function systemKeychain(options?: NapiSecretStoreOptions): Keychain {
  return new ChunkedKeychain(new NapiSecretStore(options));
}
