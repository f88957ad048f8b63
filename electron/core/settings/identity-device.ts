/**
 * An identity's own MFA device: the one its own session (GetSessionToken) uses, and the one
 * `identity add --mfa-serial` and `identity update --mfa-serial` create, named after the identity (one
 * virtual MFA device per IAM user is the common case).
 */
import type { MfaDevice, Settings } from '../../shared/model';

/** The first device of the identity, as the session provider picks it (core/sts/build-provider). */
export function identityDevice(settings: Pick<Settings, 'mfaDevices'>, identity: string): MfaDevice | undefined {
  return settings.mfaDevices.find((device) => device.identity === identity);
}

/** A new device for the identity, under its name, without a seed. */
export function deviceNamedAfter(identity: string, serial: string): MfaDevice {
  return { name: identity, serial, identity, hasSeed: false, autoMfa: false };
}
