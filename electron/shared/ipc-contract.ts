/**
 * The one IPC contract between Electron main and the windows. Every channel is defined here once: its
 * wire name (always `latchkey:`-prefixed) and the schemas of what crosses it. The preloads' verbs
 * (window-api.ts), main's handlers and the renderer's types all derive from these objects, so no
 * channel name is written anywhere else. Channels are grouped by window; a window adds its group here
 * and its verbs to WindowApi.
 *
 * Invoke channels carry one object argument (renderer → main) and one reply; main parses both.
 * Event channels carry one payload (main → renderer); main parses it before sending, and every object is
 * strict, so a field the schema does not name (a secret added by mistake) is refused, never sent.
 */
import * as v from 'valibot';
import { utcTimestamp } from './timestamp';
import { IdentitySchema, MfaDeviceSchema, NameSchema, PreferencesSchema, RoleSchema } from './model';
import { validateSecretAccessKey, validateTokenCode, type Validator } from './validation';

type ChannelName = `latchkey:${string}`;

export interface InvokeChannel<Request extends v.GenericSchema = v.GenericSchema, Result extends v.GenericSchema = v.GenericSchema> {
  readonly name: ChannelName;
  readonly request: Request;
  readonly result: Result;
}

export interface EventChannel<Payload extends v.GenericSchema = v.GenericSchema> {
  readonly name: ChannelName;
  readonly payload: Payload;
}

/** What the sender passes, what the handler receives, what the caller gets back, what a listener gets. */
export type RequestInput<C extends InvokeChannel> = v.InferInput<C['request']>;
export type RequestOutput<C extends InvokeChannel> = v.InferOutput<C['request']>;
export type ResultOf<C extends InvokeChannel> = v.InferOutput<C['result']>;
export type PayloadInput<C extends EventChannel> = v.InferInput<C['payload']>;
export type PayloadOf<C extends EventChannel> = v.InferOutput<C['payload']>;

const invoke = <Request extends v.GenericSchema, Result extends v.GenericSchema>(
  name: ChannelName,
  request: Request,
  result: Result,
): InvokeChannel<Request, Result> => ({ name, request, result });

const event = <Payload extends v.GenericSchema>(name: ChannelName, payload: Payload): EventChannel<Payload> => ({ name, payload });

/** Main makes these (crypto.randomUUID); the popup only echoes them back. */
const RequestId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/, 'request id must be 1-64 letters, digits or dashes'));

/**
 * A secret checked by its shared validator. Custom messages throughout: a refused secret must never be
 * echoed into a log, and valibot's own type message would show the value.
 */
const secret = (validator: Validator, typeMessage: string) =>
  v.pipe(
    v.string(typeMessage),
    v.check(
      (value) => validator(value) === undefined,
      (issue) => validator(issue.input) ?? '',
    ),
  );

const TokenCode = secret(validateTokenCode, 'MFA code must be exactly 6 digits');

const Message = v.pipe(v.string(), v.minLength(1), v.maxLength(2000));

const MfaPromptViewSchema = v.strictObject({
  requestId: RequestId,
  deviceName: NameSchema,
  serial: MfaDeviceSchema.entries.serial,
  identityName: NameSchema,
  accountId: IdentitySchema.entries.accountId,
  /** Everyone waiting for this code ("tray", "credential_process dev"): concurrent callers share one popup. */
  requesters: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.minLength(1)),
  /** 'code' (or absent): until when main waits for the code (2 minutes). 'waiting': when auto-MFA's fresh code is due. */
  deadline: utcTimestamp(),
  /** Why the previous code was refused; the popup shows it and asks again. */
  error: v.optional(Message),
  /**
   * 'code' (the default): the person types the code. 'checking': the code went to AWS; its answer closes
   * the popup or asks again with `error`. 'waiting': auto-MFA waits for a fresh code; nothing to type.
   */
  phase: v.optional(v.picklist(['code', 'checking', 'waiting'])),
  /** Requests for other MFA devices waiting behind this one. */
  queued: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const SubmitResultSchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true) }),
  v.strictObject({ ok: v.literal(false), error: Message }),
]);

/** Made by main (crypto.randomUUID) for a seed it holds; the settings window only echoes it back. */
const SeedToken = v.pipe(v.string(), v.uuid('seed token must be the one Latchkey gave'));

const SecretAccessKey = secret(validateSecretAccessKey, 'secret access key must be text');

/** Pasted by the person: an otpauth:// URI or a Base32 secret key. Main checks it and never echoes it. */
const SeedText = v.pipe(
  v.string('TOTP seed must be text'),
  v.minLength(1, 'paste the otpauth:// URI or the secret key shown when the virtual MFA device was set up'),
  v.maxLength(4096, 'the pasted text is too long for a TOTP seed or an otpauth:// URI'),
);

const NoArguments = v.strictObject({});
const Named = v.strictObject({ name: NameSchema });
const AccountId = v.pipe(v.string(), v.regex(/^\d{12}$/, 'account id must be 12 digits'));

const MaskedAccessKeyId = v.pipe(v.string(), v.regex(/^[A-Z0-9]{4}…[A-Z0-9]{4}$/, 'a masked access key id'));

/** What the settings window sees of an identity: never the secret, and the key id only masked (AKIA…MPLE). */
const IdentityViewSchema = v.strictObject({
  name: NameSchema,
  maskedAccessKeyId: MaskedAccessKeyId,
  region: IdentitySchema.entries.region,
  accountId: IdentitySchema.entries.accountId,
  arn: IdentitySchema.entries.arn,
  /** The keychain holds its secret access key. */
  secretStored: v.boolean(),
  /**
   * How old the key is, as main counted it when it made this view (absent when IAM never said when the
   * key was created); `overLimit` once it has passed the keyAgeDays preference, which is when the
   * key-age reminder fires.
   */
  keyAge: v.optional(
    v.strictObject({
      created: utcTimestamp(),
      days: v.pipe(v.number(), v.integer(), v.minValue(0)),
      overLimit: v.boolean(),
    }),
  ),
});

/** Everything the settings window shows; a device's hasSeed is the settings' record that its seed is in the keychain. */
const SettingsViewSchema = v.strictObject({
  identities: v.array(IdentityViewSchema),
  mfaDevices: v.array(MfaDeviceSchema),
  roles: v.array(RoleSchema),
  preferences: v.required(PreferencesSchema),
});

/** A device's current code, for the person to compare with their authenticator: never the seed. */
const TotpCodeViewSchema = v.strictObject({
  code: v.pipe(v.string(), v.regex(/^\d{6}$/)),
  secondsLeft: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)),
});

/** A seed main holds for a device being added or edited, and what its otpauth label said. */
const SeedPreviewSchema = v.strictObject({
  token: SeedToken,
  issuer: v.optional(v.pipe(v.string(), v.maxLength(200))),
  account: v.optional(v.pipe(v.string(), v.maxLength(200))),
  ...TotpCodeViewSchema.entries,
});

const NewIdentitySchema = v.strictObject({
  name: NameSchema,
  accessKeyId: IdentitySchema.entries.accessKeyId,
  region: IdentitySchema.entries.region,
});

const NewMfaDeviceSchema = v.strictObject({
  name: NameSchema,
  serial: MfaDeviceSchema.entries.serial,
  identity: NameSchema,
  autoMfa: v.boolean(),
});

/**
 * The preferences the person changed, and only those: each field as the settings schema checks it,
 * without the schema's default, and left out rather than undefined. Main applies it to the settings as
 * they are when it saves, so a change made meanwhile elsewhere (the tray's "Launch at login", the CLI)
 * to another field is kept.
 */
const PreferencesPatchSchema = v.strictObject(
  Object.fromEntries(Object.entries(PreferencesSchema.entries).map(([field, schema]) => [field, v.exactOptional(schema.wrapped)])) as {
    [F in keyof typeof PreferencesSchema.entries]: v.ExactOptionalSchema<(typeof PreferencesSchema.entries)[F]['wrapped'], undefined>;
  },
);

const ImportPreviewSchema = v.strictObject({
  /** Where the keys come from, and what "remove the keys" (scrub) edits. */
  credentialsPath: v.string(),
  /** What adopting edits. */
  configPath: v.string(),
  identities: v.array(
    v.strictObject({
      name: NameSchema,
      /** The credentials profile its key comes from. */
      profile: v.string(),
      maskedAccessKeyId: IdentityViewSchema.entries.maskedAccessKeyId,
      region: IdentitySchema.entries.region,
    }),
  ),
  mfaDevices: v.array(MfaDeviceSchema),
  roles: v.array(RoleSchema),
  /** Profiles whose key Latchkey already holds: nothing to add, but removing keys takes theirs too. */
  alreadyImported: v.array(v.string()),
  /**
   * Every profile of ~/.aws, one line each (more for one with notes): what the import does with it, or
   * why it leaves it alone; the lines `latchkey import --dry-run` prints.
   */
  outcomes: v.array(v.strictObject({ profile: v.string(), outcome: Message, imported: v.boolean() })),
  /** Config profiles that adopting turns into credential_process for the Latchkey entry `name`, under their own name. */
  adoptable: v.array(v.strictObject({ profile: v.string(), name: NameSchema })),
  /** Why this app cannot adopt (it has no `latchkey` command that works outside it); absent when it can. */
  cannotAdopt: v.optional(Message),
});

/** A long-running change the settings window started: which one, and for which entry. */
const TaskSchema = v.strictObject({
  task: v.picklist(['rotate-key', 'enroll-mfa']),
  /** The identity whose key rotates, or the device being enrolled. */
  name: NameSchema,
});

export const ipcContract = {
  mfaPrompt: {
    /** Show a request in the popup, or update it: more requesters, or the error after a refused code. */
    show: event('latchkey:mfa-prompt:show', MfaPromptViewSchema),
    /** The person's code, the only secret that crosses IPC, and only main-ward. */
    submit: invoke('latchkey:mfa-prompt:submit', v.strictObject({ requestId: RequestId, code: TokenCode }), SubmitResultSchema),
    cancel: invoke('latchkey:mfa-prompt:cancel', v.strictObject({ requestId: RequestId }), v.undefined()),
    /** The page's content height in CSS pixels: main sizes the popup to it, within the screen. */
    fit: invoke('latchkey:mfa-prompt:fit', v.strictObject({ height: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)) }), v.undefined()),
  },
  /**
   * The settings window. Secrets (secret access keys, seeds) cross only main-ward; every change answers
   * with the new view, and main says when something else changed it.
   */
  settings: {
    load: invoke('latchkey:settings:load', NoArguments, SettingsViewSchema),
    /** With `verify`, GetCallerIdentity must accept the key first; its account and ARN are recorded. */
    addIdentity: invoke(
      'latchkey:settings:add-identity',
      v.strictObject({ identity: NewIdentitySchema, secretAccessKey: SecretAccessKey, verify: v.boolean() }),
      SettingsViewSchema,
    ),
    /** The name stays; a region left out is removed; a new access key id comes with its secret. */
    updateIdentity: invoke(
      'latchkey:settings:update-identity',
      v.strictObject({
        name: NameSchema,
        region: IdentitySchema.entries.region,
        accessKeyId: v.optional(IdentitySchema.entries.accessKeyId),
        secretAccessKey: v.optional(SecretAccessKey),
        verify: v.boolean(),
      }),
      SettingsViewSchema,
    ),
    /** GetCallerIdentity with the stored key; records the account and ARN. */
    verifyIdentity: invoke('latchkey:settings:verify-identity', Named, SettingsViewSchema),
    /** An identity, MFA device or role, with its keychain secret and cached sessions; refused while in use. */
    remove: invoke('latchkey:settings:remove', v.strictObject({ kind: v.picklist(['identity', 'mfa', 'role']), name: NameSchema }), SettingsViewSchema),
    /** Main checks and holds a pasted seed (otpauth:// URI or Base32) for the device being added or edited. */
    stageSeed: invoke('latchkey:settings:stage-seed', v.strictObject({ text: SeedText }), SeedPreviewSchema),
    /** Main asks for a PNG of the QR code and decodes it itself; null when the person cancels. */
    chooseQrImage: invoke('latchkey:settings:choose-qr-image', NoArguments, v.nullable(SeedPreviewSchema)),
    /** The current code of the seed main holds. */
    seedCode: invoke('latchkey:settings:seed-code', v.strictObject({ token: SeedToken }), TotpCodeViewSchema),
    /** The current code of a saved device's stored seed. */
    deviceCode: invoke('latchkey:settings:device-code', Named, TotpCodeViewSchema),
    addMfaDevice: invoke(
      'latchkey:settings:add-mfa-device',
      v.strictObject({ device: NewMfaDeviceSchema, seedToken: v.optional(SeedToken) }),
      SettingsViewSchema,
    ),
    /** The name and identity stay; the seed is kept, removed, or replaced by the one main holds. */
    updateMfaDevice: invoke(
      'latchkey:settings:update-mfa-device',
      v.strictObject({
        name: NameSchema,
        serial: MfaDeviceSchema.entries.serial,
        autoMfa: v.boolean(),
        seed: v.union([v.picklist(['keep', 'remove']), v.strictObject({ token: SeedToken })]),
      }),
      SettingsViewSchema,
    ),
    addRole: invoke('latchkey:settings:add-role', v.strictObject({ role: RoleSchema }), SettingsViewSchema),
    /** Replaces the role of the same name. */
    updateRole: invoke('latchkey:settings:update-role', v.strictObject({ role: RoleSchema }), SettingsViewSchema),
    /** Assumes the role once, now, and says who that made us. */
    testRole: invoke(
      'latchkey:settings:test-role',
      Named,
      v.strictObject({ arn: v.pipe(v.string(), v.maxLength(2048)), account: AccountId, expiration: utcTimestamp() }),
    ),
    /** What `latchkey import` would take from ~/.aws now. Changes nothing. */
    previewImport: invoke('latchkey:settings:preview-import', NoArguments, ImportPreviewSchema),
    /**
     * Imports the chosen entries of a fresh plan. With `scrub`, their keys then leave the credentials
     * file; refused, writing nothing, where that would leave a profile without credentials, unless
     * `adopt` (which needs `scrub`) gives the adoptable profiles of the chosen entries credential_process.
     */
    applyImport: invoke(
      'latchkey:settings:apply-import',
      v.strictObject({ identities: v.array(NameSchema), mfaDevices: v.array(NameSchema), roles: v.array(NameSchema), scrub: v.boolean(), adopt: v.boolean() }),
      /** The profiles whose keys left the credentials file, and those that now get credential_process. */
      v.strictObject({ settings: SettingsViewSchema, scrubbed: v.array(v.string()), adopted: v.array(v.string()) }),
    ),
    /** Changes the preferences the patch names, under the settings lock; the others stay as they are then. */
    savePreferences: invoke('latchkey:settings:save-preferences', v.strictObject({ preferences: PreferencesPatchSchema }), SettingsViewSchema),
    /**
     * A new access key for the identity's IAM user, verified before the old key is deactivated and (unless
     * `keepOld`) deleted, as `latchkey identity rotate` does. The answer has the key ids masked only.
     */
    rotateKey: invoke(
      'latchkey:settings:rotate-key',
      v.strictObject({ name: NameSchema, keepOld: v.boolean() }),
      v.strictObject({
        settings: SettingsViewSchema,
        userName: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
        newKey: MaskedAccessKeyId,
        oldKey: MaskedAccessKeyId,
        oldKeyState: v.picklist(['deleted', 'inactive']),
      }),
    ),
    /**
     * A new virtual MFA device for the identity's IAM user, enabled with codes main computes from its
     * seed, as `latchkey mfa enroll` does. The seed and its otpauth:// URI stay in main: main shows the
     * QR code in a window of its own, with no script, until `closeEnrolmentQr`. The answer is status only.
     */
    enrollMfaDevice: invoke(
      'latchkey:settings:enroll-mfa-device',
      v.strictObject({ name: NameSchema, identity: NameSchema, storeSeed: v.boolean(), autoMfa: v.boolean() }),
      v.strictObject({
        settings: SettingsViewSchema,
        device: MfaDeviceSchema,
        userName: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
        /** The QR window is showing the seed; or why it could not open (the device is enrolled either way). */
        qr: v.variant('shown', [v.strictObject({ shown: v.literal(true) }), v.strictObject({ shown: v.literal(false), problem: Message })]),
      }),
    ),
    /** The person is done scanning: main closes the QR window (nothing happens when none is open). */
    closeEnrolmentQr: invoke('latchkey:settings:close-enrolment-qr', NoArguments, v.undefined()),
    /** Settings or sessions changed outside the window (the tray, the CLI, a renewal, the broker): read the view again. */
    changed: event('latchkey:settings:changed', v.strictObject({})),
    /** What a key rotation or an enrolment under way is doing now (waiting for the MFA prompt, for AWS…). */
    progress: event('latchkey:settings:progress', v.strictObject({ ...TaskSchema.entries, message: Message })),
    /**
     * Show the place main opened the window at: the identity whose "Rotate key…" step the key-age
     * reminder's "Rotate…" asks for. The window opens that step for the person to confirm; it rotates nothing.
     */
    show: event('latchkey:settings:show', v.strictObject({ identity: NameSchema })),
  },
} as const;

export type MfaPromptView = PayloadOf<typeof ipcContract.mfaPrompt.show>;
export type MfaSubmitResult = ResultOf<typeof ipcContract.mfaPrompt.submit>;

export type SettingsView = ResultOf<typeof ipcContract.settings.load>;
export type IdentityView = SettingsView['identities'][number];
export type TotpCodeView = ResultOf<typeof ipcContract.settings.seedCode>;
export type SeedPreview = ResultOf<typeof ipcContract.settings.stageSeed>;
export type RoleTest = ResultOf<typeof ipcContract.settings.testRole>;
export type ImportPreview = ResultOf<typeof ipcContract.settings.previewImport>;
export type ImportSelection = RequestOutput<typeof ipcContract.settings.applyImport>;
export type KeyRotation = ResultOf<typeof ipcContract.settings.rotateKey>;
export type Enrolment = ResultOf<typeof ipcContract.settings.enrollMfaDevice>;
export type SettingsProgress = PayloadOf<typeof ipcContract.settings.progress>;
export type SettingsPlace = PayloadOf<typeof ipcContract.settings.show>;
export type PreferencesPatch = RequestInput<typeof ipcContract.settings.savePreferences>['preferences'];
