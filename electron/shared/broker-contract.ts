/**
 * The broker's wire contract: one newline-terminated JSON request per connection, one newline-terminated
 * JSON reply. Both ends parse what they receive with these schemas. valibot keeps the client's share of
 * this small enough for the CLI's warm path.
 */
import * as v from 'valibot';

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

export const WireSessionSchema = v.strictObject({
  accessKeyId: Text,
  secretAccessKey: Text,
  sessionToken: Text,
  expiration: v.pipe(v.string(), v.isoTimestamp()),
});
export type WireSession = v.InferOutput<typeof WireSessionSchema>;

export const SessionStatusSchema = v.strictObject({
  name: Name,
  expiration: v.pipe(v.string(), v.isoTimestamp()),
});
export type SessionStatus = v.InferOutput<typeof SessionStatusSchema>;

export const BrokerReplySchema = v.union([
  v.strictObject({ ok: v.literal(true), pong: v.strictObject({ protocol: v.number(), host: v.picklist(['agent', 'app']) }) }),
  v.strictObject({ ok: v.literal(true), credentials: WireSessionSchema, region: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
  v.strictObject({ ok: v.literal(true), status: v.array(SessionStatusSchema) }),
  v.strictObject({
    ok: v.literal(false),
    error: v.strictObject({ code: v.pipe(v.string(), v.maxLength(64)), message: v.pipe(v.string(), v.maxLength(2000)) }),
  }),
]);
export type BrokerReply = v.InferOutput<typeof BrokerReplySchema>;
