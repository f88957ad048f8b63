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
import { IdentitySchema, MfaDeviceSchema, NameSchema } from './model';
import { validateTokenCode } from './validation';

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

/** Custom messages throughout: a refused code must never be echoed into a log. */
const TokenCode = v.pipe(
  v.string('MFA code must be exactly 6 digits'),
  v.check(
    (code) => validateTokenCode(code) === undefined,
    (issue) => validateTokenCode(issue.input) ?? '',
  ),
);

const Message = v.pipe(v.string(), v.minLength(1), v.maxLength(2000));

const MfaPromptViewSchema = v.strictObject({
  requestId: RequestId,
  deviceName: NameSchema,
  serial: MfaDeviceSchema.entries.serial,
  identityName: NameSchema,
  accountId: IdentitySchema.entries.accountId,
  /** Everyone waiting for this code ("tray", "credential_process dev"): concurrent callers share one popup. */
  requesters: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.minLength(1)),
  /** When main stops waiting (2 minutes after the request). */
  deadline: v.pipe(v.string(), v.isoTimestamp()),
  /** Why the previous code was refused; the popup shows it and asks again. */
  error: v.optional(Message),
});

const SubmitResultSchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true) }),
  v.strictObject({ ok: v.literal(false), error: Message }),
]);

export const ipcContract = {
  mfaPrompt: {
    /** Show a request in the popup, or update it: more requesters, or the error after a refused code. */
    show: event('latchkey:mfa-prompt:show', MfaPromptViewSchema),
    /** The person's code, the only secret that crosses IPC, and only main-ward. */
    submit: invoke('latchkey:mfa-prompt:submit', v.strictObject({ requestId: RequestId, code: TokenCode }), SubmitResultSchema),
    cancel: invoke('latchkey:mfa-prompt:cancel', v.strictObject({ requestId: RequestId }), v.undefined()),
  },
} as const;

export type MfaPromptView = PayloadOf<typeof ipcContract.mfaPrompt.show>;
export type MfaSubmitResult = ResultOf<typeof ipcContract.mfaPrompt.submit>;
