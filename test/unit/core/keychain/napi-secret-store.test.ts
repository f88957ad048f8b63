import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const keyring = vi.hoisted(() => ({
  constructed: [] as unknown[][],
  getPassword: vi.fn<() => Promise<string | null>>(),
  throwOnConstruct: undefined as Error | undefined,
}));

vi.mock('@napi-rs/keyring', () => ({
  AsyncEntry: class {
    constructor(...args: unknown[]) {
      if (keyring.throwOnConstruct) throw keyring.throwOnConstruct;
      keyring.constructed.push(args);
    }
    getPassword = keyring.getPassword;
    deleteCredential = async () => true;
  },
  findCredentialsAsync: vi.fn(),
}));

const { NapiSecretStore } = await import('../../../../electron/core/keychain/napi-secret-store');

describe('NapiSecretStore', () => {
  beforeEach(() => {
    keyring.constructed.length = 0;
    keyring.throwOnConstruct = undefined;
    keyring.getPassword.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('pins the Secret Service and reuses one entry per account', async () => {
    keyring.getPassword.mockResolvedValue('s3cret');
    const store = new NapiSecretStore();
    expect(await store.read('identity:alice')).toBe('s3cret');
    expect(await store.read('identity:alice')).toBe('s3cret');
    expect(keyring.constructed).toEqual([['latchkey', 'identity:alice', { linux: { store: 'secret-service' } }]]);
  });

  it('tries a call once more when the Secret Service went away in the middle of it (a restarted daemon)', async () => {
    keyring.getPassword
      .mockRejectedValueOnce(new Error('zbus error: org.freedesktop.DBus.Error.NoReply: Message recipient disconnected from message bus without replying'))
      .mockResolvedValueOnce('s3cret');
    expect(await new NapiSecretStore().read('identity:alice')).toBe('s3cret');
    expect(keyring.getPassword).toHaveBeenCalledTimes(2);
  });

  it.each(['The session does not exist', 'The session wrapping the secret does not exist'])(
    'connects afresh for the retry when its connection was to a daemon since replaced ("%s")',
    async (message) => {
      keyring.getPassword.mockRejectedValueOnce(new Error(`Platform failure: DBus error: ${message}`)).mockResolvedValueOnce('s3cret');
      const store = new NapiSecretStore();
      expect(await store.read('identity:alice')).toBe('s3cret');
      expect(keyring.constructed).toHaveLength(2);
    },
  );

  it('drops the entry of a call that failed, so the next call does not reuse its connection', async () => {
    keyring.getPassword.mockRejectedValueOnce(new Error('unlock prompt was dismissed')).mockResolvedValueOnce('s3cret');
    const store = new NapiSecretStore();
    await expect(store.read('identity:alice')).rejects.toMatchObject({ code: 'keychain-locked' });
    expect(await store.read('identity:alice')).toBe('s3cret');
    expect(keyring.constructed).toHaveLength(2);
  });

  it('gives up after that one retry, and never retries other failures', async () => {
    const gone = new Error('zbus error: org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files');
    keyring.getPassword.mockRejectedValue(gone);
    await expect(new NapiSecretStore().read('identity:alice')).rejects.toMatchObject({ code: 'keychain-unavailable' });
    expect(keyring.getPassword).toHaveBeenCalledTimes(2);

    keyring.getPassword.mockReset();
    keyring.getPassword.mockRejectedValue(new Error('unlock prompt was dismissed'));
    await expect(new NapiSecretStore().read('identity:alice')).rejects.toMatchObject({ code: 'keychain-locked' });
    expect(keyring.getPassword).toHaveBeenCalledTimes(1);
  });

  it('forgets the entry of an account it removed', async () => {
    const store = new NapiSecretStore({ service: 'latchkey-test' });
    await store.remove('session:x');
    await store.remove('session:x');
    expect(keyring.constructed).toHaveLength(2);
  });

  it('answers undefined for a missing secret', async () => {
    keyring.getPassword.mockResolvedValue(null);
    expect(await new NapiSecretStore().read('identity:nobody')).toBeUndefined();
  });

  it('turns a constructor that throws synchronously into a rejection a person can act on', async () => {
    keyring.throwOnConstruct = new Error('Platform failure: DBus error: Failed to connect to socket /tmp/nowhere: No such file or directory');
    await expect(new NapiSecretStore().read('identity:alice')).rejects.toMatchObject({ code: 'keychain-unavailable', message: expect.stringContaining('DBUS_SESSION_BUS_ADDRESS') });
  });

  it('gives up on a call that hangs after its timeout', async () => {
    vi.useFakeTimers();
    keyring.getPassword.mockReturnValue(new Promise(() => undefined));
    const read = new NapiSecretStore({ timeoutMs: 3_000 }).read('identity:alice');
    const outcome = expect(read).rejects.toMatchObject({ code: 'keychain-timeout', message: expect.stringContaining('reading identity:alice') });
    await vi.advanceTimersByTimeAsync(3_000);
    await outcome;
  });

  it('holds 1,280 code units per secret on Windows and has no limit elsewhere', () => {
    const platform = process.platform;
    try {
      Object.defineProperty(process, 'platform', { value: 'win32' });
      expect(new NapiSecretStore().maxSecretLength).toBe(1280);
      Object.defineProperty(process, 'platform', { value: 'linux' });
      expect(new NapiSecretStore().maxSecretLength).toBe(Infinity);
    } finally {
      Object.defineProperty(process, 'platform', { value: platform });
    }
  });
});
