/**
 * Virtual MFA enrolment through IAM, as the console's "Assign MFA device" does it, with Latchkey typing
 * the codes: CreateVirtualMFADevice, two consecutive codes computed from its seed, EnableMFADevice (the
 * device is then the IAM user's), and the device recorded in the settings under its serial. A device
 * IAM would not enable is deleted again.
 *
 * The seed exists nowhere else: it is kept in the keychain only when the person opts in (`storeSeed`:
 * the opt-in of SPEC §7, this machine then holds both factors), and shown (`showSeed`, an otpauth://
 * URI for an authenticator app) only when asked. With neither, enrolment is refused up front, since the
 * device would be one nobody can ever answer.
 */
import { generateTOTP } from '@otplib/uri';
import { LatchkeyError, isLatchkeyError } from '../../shared/errors';
import type { MfaDevice, Settings } from '../../shared/model';
import { addMfaDevice, assertAutoMfaSeeded, assertDeviceFits } from '../settings/add-mfa-device';
import type { SetupStores } from '../settings/save-with-secret';
import type { UsedStepStore } from '../totp/replay-guard';
import { normalizeSeed } from '../totp/seed';
import { TOTP_DEFAULTS, totpCode } from '../totp/totp-code';
import type { IamApi } from './iam-api';
import { iamError, type IamAction } from './iam-errors';
import { iamSigner, type IamSigner, type IamSignerDeps } from './iam-signer';

export interface EnrollMfaDeps extends SetupStores, IamSignerDeps {
  iam: IamApi;
  /** The replay guard's record of used time steps: the two codes sent count as used. */
  steps: UsedStepStore;
}

export interface EnrollMfaRequest {
  /** The device's name in Latchkey, and in IAM. */
  name: string;
  identity: string;
  /** Keep the seed in the keychain (opt-in: both factors on this machine). */
  storeSeed: boolean;
  /** Answer MFA from the stored seed without asking. */
  autoMfa: boolean;
  /**
   * Given the otpauth:// URI once the device is enabled, before it is saved: only when the person asked
   * to see it. The serial comes with it, for a display that names the device (the app's QR window).
   */
  showSeed?: (uri: string, serial: string) => void | Promise<void>;
}

export interface EnrolledDevice {
  settings: Settings;
  device: MfaDevice;
  userName: string;
}

/** IAM's VirtualMFADeviceName: narrower than a Latchkey name (no `:`, `/` or `%`). */
const IAM_DEVICE_NAME = /^[\w+=,.@-]{1,226}$/;
/** What AWS's own enrolment puts in an authenticator app's list. */
const ISSUER = 'Amazon Web Services';

export async function enrollMfaDevice(deps: EnrollMfaDeps, request: EnrollMfaRequest): Promise<EnrolledDevice> {
  const { name, identity, storeSeed, autoMfa, showSeed } = request;
  assertEnrollable(await deps.settings.load(), request);
  const signer = await iamSigner(deps, await deps.settings.load(), identity);
  const call = <T>(action: IamAction, run: () => Promise<T>): Promise<T> =>
    run().catch((error: unknown) => {
      throw iamError(error, { action, identity: signer.identity, userName: signer.userName, signedWithMfa: signer.signedWithMfa });
    });

  const created = await call('CreateVirtualMFADevice', () => deps.iam.createVirtualMfaDevice({ ...signer.caller, deviceName: name }));
  const seed = normalizeSeed(created.seed);
  const step = Math.floor(deps.clock.now() / (TOTP_DEFAULTS.period * 1000));
  // The current step's code and the next one's: AWS accepts a step either side of its own.
  const codes: [string, string] = [codeAt(seed, step), codeAt(seed, step + 1)];
  try {
    await call('EnableMFADevice', () => deps.iam.enableMfaDevice({ ...signer.caller, userName: signer.userName, serial: created.serial, codes }));
  } catch (error) {
    await deps.iam.deleteVirtualMfaDevice({ ...signer.caller, serial: created.serial }).catch(() => undefined);
    throw error;
  }
  // AWS will not take these codes again: a session's auto-MFA waits for the step after them.
  await deps.steps.update(created.serial, (last) => (last !== undefined && last.step > step + 1 ? undefined : { step: step + 1 }));
  // A seed that reached no authenticator app and is not to be stored would leave the IAM user a device
  // nobody can answer (and policies that demand MFA unanswerable): it is taken back.
  const showOrUndo = async (show: () => void | Promise<void>) => {
    try {
      await show();
    } catch (error) {
      if (storeSeed) return;
      const reason = error instanceof Error ? error.message : String(error);
      const caller = { ...signer.caller, userName: signer.userName, serial: created.serial };
      const undone = await deps.iam.deactivateMfaDevice(caller).then(() => deps.iam.deleteVirtualMfaDevice(caller)).then(
        () => true,
        () => false,
      );
      throw new LatchkeyError(
        undone ? 'cancelled' : 'internal',
        undone
          ? `the new MFA device's QR code could not be shown (${reason}), and its seed is kept nowhere, so Latchkey removed the device from IAM user "${signer.userName}" again: nothing changed; try again`
          : `the new MFA device's QR code could not be shown (${reason}), and Latchkey could not remove the device again: remove it with \`aws iam deactivate-mfa-device --user-name ${signer.userName} --serial-number ${created.serial}\` and \`aws iam delete-virtual-mfa-device --serial-number ${created.serial}\`, then try again`,
      );
    }
  };
  if (showSeed) await showOrUndo(() => showSeed(otpauthUri(seed, signer), created.serial));

  const device = { name, serial: created.serial, identity, autoMfa };
  try {
    const settings = await addMfaDevice(deps, device, storeSeed ? seed : undefined);
    return { settings, device: { ...device, hasSeed: storeSeed }, userName: signer.userName };
  } catch (error) {
    throw new LatchkeyError(
      isLatchkeyError(error) ? error.code : 'internal',
      `MFA device ${created.serial} is now IAM user "${signer.userName}"'s, but Latchkey could not record it (${isLatchkeyError(error) ? error.message : String(error)}): add it with \`latchkey mfa add ${name} --serial ${created.serial} --identity ${identity}\``,
    );
  }
}

/** What can be refused before IAM is asked: the name, the identity, and a seed that would be lost or an auto-MFA without it. */
export function assertEnrollable(settings: Settings, { name, identity, storeSeed, autoMfa, showSeed }: EnrollMfaRequest): void {
  if (!IAM_DEVICE_NAME.test(name))
    throw new LatchkeyError('invalid-input', `MFA device name "${name}" cannot be an IAM device name: use 1-226 of the characters A-Z a-z 0-9 _ + = , . @ -`);
  assertDeviceFits(settings, { name, identity });
  assertAutoMfaSeeded({ name, autoMfa, hasSeed: storeSeed });
  if (!storeSeed && showSeed === undefined)
    throw new LatchkeyError('invalid-input', 'the new device\'s seed would be kept nowhere, so no code could ever be made for it: show it to an authenticator app, store it in the keychain, or both');
}

function codeAt(seed: string, step: number): string {
  return totpCode(seed, step * TOTP_DEFAULTS.period * 1000).code;
}

/** The URI an authenticator app scans: `Amazon Web Services:USER@ACCOUNT`, as AWS's own QR code says. */
function otpauthUri(seed: string, signer: IamSigner): string {
  const account = signer.userArn.split(':')[4];
  return generateTOTP({ issuer: ISSUER, label: `${signer.userName}@${account}`, secret: seed });
}
