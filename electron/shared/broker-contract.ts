/**
 * The broker's wire contract: one newline-terminated JSON request per connection, one newline-terminated
 * JSON reply, and before it, while the host asks the person for an MFA code, progress lines that let the
 * caller say where to look. Both ends parse what they receive with these schemas. They are built on first use: the CLI
 * sends its request before building anything, and builds the reply's schema while the broker works.
 */
import * as v from 'valibot';
import { NAME_PATTERN } from './name-rule';
import { printableText } from './printable-text';
import { utcTimestamp } from './timestamp';

export const BROKER_PROTOCOL = 1;
/** A request or reply larger than this is refused. A role session token is at most a few KB. */
export const MAX_BROKER_MESSAGE_BYTES = 64 * 1024;
/**
 * The error code of a reply that stands in for one over MAX_BROKER_MESSAGE_BYTES (a session with a
 * token of megabytes): the client then works without the broker rather than fail.
 */
export const REPLY_TOO_LARGE = 'reply-too-large';

const name = () => v.pipe(v.string(), v.regex(NAME_PATTERN));
/** Who is asking, shown in the MFA prompt and the tray: made printable here, since any client may send it. */
const requester = () => v.pipe(v.string(), v.maxLength(200), v.transform(printableText));
const grantId = () => v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/));
const text = () => v.pipe(v.string(), v.minLength(1), v.maxLength(8192));

const buildRequestSchema = () =>
  v.variant('type', [
    v.strictObject({
      type: v.literal('credentials'),
      protocol: v.number(),
      name: name(),
      /** "credential_process dev", "exec dev". */
      requester: requester(),
      /** Asked for by a credential endpoint's grant: refused once the grant is revoked. */
      grant: v.optional(grantId()),
    }),
    v.strictObject({ type: v.literal('status'), protocol: v.number() }),
    /**
     * A credential endpoint (`exec --server`, `serve`) tells the broker of its grant, so the tray and
     * `latchkey status` show it and the tray can revoke it; `release` when it ends.
     */
    v.strictObject({ type: v.literal('grant'), protocol: v.number(), name: name(), requester: requester() }),
    v.strictObject({ type: v.literal('release'), protocol: v.number(), grant: grantId() }),
    /** Drops the cached session of a name, or every cached session when no name is given. */
    v.strictObject({ type: v.literal('forget'), protocol: v.number(), name: v.optional(name()) }),
  ]);

// The credentials reply comes first: it is the one the warm path waits for, and a union stops at its
// first match.
const buildReplySchema = () =>
  v.union([
    v.strictObject({
      ok: v.literal(true),
      // A token is bounded by the message alone: any that fits is relayed (session tags make them long).
      credentials: v.strictObject({
        accessKeyId: text(),
        secretAccessKey: text(),
        sessionToken: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_BROKER_MESSAGE_BYTES)),
        expiration: utcTimestamp(),
      }),
      region: v.optional(v.pipe(v.string(), v.maxLength(64))),
    }),
    v.strictObject({
      ok: v.literal(true),
      status: v.array(v.strictObject({ name: name(), expiration: utcTimestamp() })),
      grants: v.optional(v.array(v.strictObject({ id: grantId(), name: name(), requester: requester(), since: utcTimestamp() }))),
    }),
    v.strictObject({ ok: v.literal(true), grant: grantId() }),
    v.strictObject({ ok: v.literal(true), released: v.boolean() }),
    v.strictObject({ ok: v.literal(true), forgotten: v.array(v.pipe(v.string(), v.maxLength(300))) }),
    v.strictObject({
      ok: v.literal(false),
      error: v.strictObject({ code: v.pipe(v.string(), v.maxLength(64)), message: v.pipe(v.string(), v.maxLength(2000)) }),
    }),
  ]);

type RequestSchema = ReturnType<typeof buildRequestSchema>;
type ReplySchema = ReturnType<typeof buildReplySchema>;
let requestSchema: RequestSchema | undefined;
let replySchema: ReplySchema | undefined;
export const brokerRequestSchema = (): RequestSchema => (requestSchema ??= buildRequestSchema());
export const brokerReplySchema = (): ReplySchema => (replySchema ??= buildReplySchema());

export type BrokerRequest = v.InferOutput<RequestSchema>;
export type BrokerReply = v.InferOutput<ReplySchema>;
export type SessionStatus = Extract<BrokerReply, { status: unknown }>['status'][number];
export type GrantStatus = NonNullable<Extract<BrokerReply, { status: unknown }>['grants']>[number];

/** Where the host asks: the app's popup, or the terminal of `latchkey agent`. */
export type BrokerHostKind = 'agent' | 'app';

/**
 * A line the host sends before its reply: it is asking the person for an MFA code (`mfa`), or auto-MFA
 * waits `waitMs` for a fresh code (`fresh-code`). Recognised by its first characters, so the warm path,
 * which never sees one, parses nothing more.
 */
export type BrokerProgress = { progress: 'mfa'; where: BrokerHostKind } | { progress: 'fresh-code'; where: BrokerHostKind; waitMs: number };
export const PROGRESS_START = '{"progress":';

const buildProgressSchema = () =>
  v.variant('progress', [
    v.strictObject({ progress: v.literal('mfa'), where: v.picklist(['agent', 'app']) }),
    v.strictObject({ progress: v.literal('fresh-code'), where: v.picklist(['agent', 'app']), waitMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(120_000)) }),
  ]);
let progressSchema: ReturnType<typeof buildProgressSchema> | undefined;
export const brokerProgressSchema = () => (progressSchema ??= buildProgressSchema());

/** The request for a name's session; `requester` is shown in the MFA prompt. */
export const credentialsRequest = (name: string, requester: string, grant?: string): BrokerRequest => ({
  type: 'credentials',
  protocol: BROKER_PROTOCOL,
  name,
  requester,
  ...(grant !== undefined && { grant }),
});
