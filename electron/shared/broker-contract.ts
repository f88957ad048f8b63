/**
 * The broker's wire contract: one newline-terminated JSON request per connection, one newline-terminated
 * JSON reply. Both ends parse what they receive with these schemas. valibot keeps the client's share of
 * this small enough for the CLI's warm path.
 */
import * as v from 'valibot';
import { UtcTimestampSchema } from './timestamp';

export const BROKER_PROTOCOL = 1;
/** A request or reply larger than this is refused. A role session token is at most a few KB. */
export const MAX_BROKER_MESSAGE_BYTES = 64 * 1024;

const Name = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.@+%:/-]{1,128}$/));
const Text = v.pipe(v.string(), v.minLength(1), v.maxLength(8192));

export const BrokerRequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ping'), protocol: v.number() }),
  v.strictObject({
    type: v.literal('credentials'),
    protocol: v.number(),
    name: Name,
    /** Who is asking, shown in the MFA prompt ("credential_process dev"). */
    requester: v.pipe(v.string(), v.maxLength(200)),
  }),
  v.strictObject({ type: v.literal('status'), protocol: v.number() }),
]);
export type BrokerRequest = v.InferOutput<typeof BrokerRequestSchema>;

/** The reply's schema, built on first use: the CLI builds it while the broker works on its request. */
export const brokerReplySchema = (): ReplySchema => (replySchema ??= buildReplySchema());
let replySchema: ReplySchema | undefined;
type ReplySchema = ReturnType<typeof buildReplySchema>;

function buildReplySchema() {
  const wireSession = v.strictObject({ accessKeyId: Text, secretAccessKey: Text, sessionToken: Text, expiration: UtcTimestampSchema });
  const sessionStatus = v.strictObject({ name: Name, expiration: UtcTimestampSchema });
  // The credentials reply comes first: it is the one the warm path waits for, and a union stops at its
  // first match.
  return v.union([
    v.strictObject({ ok: v.literal(true), credentials: wireSession, region: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
    v.strictObject({ ok: v.literal(true), pong: v.strictObject({ protocol: v.number(), host: v.picklist(['agent', 'app']) }) }),
    v.strictObject({ ok: v.literal(true), status: v.array(sessionStatus) }),
    v.strictObject({
      ok: v.literal(false),
      error: v.strictObject({ code: v.pipe(v.string(), v.maxLength(64)), message: v.pipe(v.string(), v.maxLength(2000)) }),
    }),
  ]);
}
export type BrokerReply = v.InferOutput<ReplySchema>;
export type WireSession = Extract<BrokerReply, { credentials: unknown }>['credentials'];
export type SessionStatus = Extract<BrokerReply, { status: unknown }>['status'][number];
