/**
 * The settings window's changes made through IAM: rotating an identity's access key and enrolling a
 * virtual MFA device, by the same core functions as `latchkey identity rotate` and `latchkey mfa
 * enroll`. IAM calls are signed as core decides (iam-signer), with the engine's identity session where
 * MFA is needed, so the code is asked by the app's MFA popup like any other. The page hears each step
 * (task-progress) and gets back status and masked key ids only: the new secret key goes from IAM to the
 * keychain, and the new seed to the keychain (when asked) and to the QR window, never over IPC.
 */
import { describeError } from '../../shared/errors';
import { ipcContract, type Enrolment, type InvokeChannel, type SettingsView } from '../../shared/ipc-contract';
import { maskAccessKeyId } from '../../shared/mask';
import type { Settings } from '../../shared/model';
import type { Clock } from '../../core/clock';
import { enrollMfaDevice } from '../../core/iam/enroll-mfa-device';
import type { IamApi } from '../../core/iam/iam-api';
import { rotateAccessKey } from '../../core/iam/rotate-access-key';
import type { Keychain } from '../../core/keychain/keychain';
import type { SessionEngine } from '../../core/sessions/session-engine';
import type { SettingsStore } from '../../core/settings/settings-store';
import type { Session } from '../../core/sts/credentials';
import type { StsApi } from '../../core/sts/sts-api';
import type { UsedStepStore } from '../../core/totp/replay-guard';
import type { Handler } from '../ipc/handle';
import { announcedIam } from './announced-iam';
import { enrolmentQrPage } from './enrolment-qr-page';
import type { EnrolmentQrPort } from './enrolment-qr-window';
import { taskProgress, type Say } from './task-progress';

export interface IamHandlerDeps {
  settings: SettingsStore;
  keychain: Keychain;
  sts: StsApi;
  clock: Clock;
  iam: IamApi;
  /** The replay guard's used time steps, shared with the engine: the two codes enrolment sends count as used. */
  steps: UsedStepStore;
  /** Signs IAM calls with an identity's MFA session, and forgets the sessions a new key made stale. */
  engine: Pick<SessionEngine, 'credentials' | 'prune'>;
  enrolmentQr: EnrolmentQrPort;
}

type On = <C extends InvokeChannel>(channel: C, handler: Handler<C>) => void;

export function registerIamHandlers(on: On, deps: IamHandlerDeps, view: (settings: Settings) => Promise<SettingsView>): void {
  const { settings, keychain, sts, clock, iam, steps, engine, enrolmentQr } = deps;
  const verbs = ipcContract.settings;
  /** The identity's session for signing IAM calls; the popup asks for its code if none is cached. */
  const signingSession =
    (say: Say, requester: string) =>
    (identity: string): Promise<Session> => {
      say(`Getting the MFA session of ${identity}: enter its code in the MFA prompt if Latchkey asks…`);
      return engine.credentials(identity, requester);
    };

  on(verbs.rotateKey, async ({ name, keepOld }, event) => {
    const say = taskProgress(event.sender, 'rotate-key', name);
    const rotated = await rotateAccessKey(
      { settings, keychain, sts, clock, iam: announcedIam(iam, say), identitySession: signingSession(say, `settings: key rotation of ${name}`) },
      { name, keepOld, progress: (message) => say(sentence(message)) },
    );
    // Sessions cached from the old key would never be used again: delete them (a failure there is not the rotation's).
    await engine.prune(rotated.settings).catch(() => undefined);
    return {
      settings: await view(rotated.settings),
      userName: rotated.userName,
      newKey: maskAccessKeyId(rotated.newAccessKeyId),
      oldKey: maskAccessKeyId(rotated.oldAccessKeyId),
      oldKeyState: rotated.oldKey,
    };
  });

  on(verbs.enrollMfaDevice, async ({ name, identity, storeSeed, autoMfa }, event) => {
    const say = taskProgress(event.sender, 'enroll-mfa', name);
    let qr: Enrolment['qr'] = { shown: false, problem: 'Latchkey did not get to show the QR code' };
    // Core calls this once the device is enabled, before recording it: IAM checked codes core made from
    // the seed, so nobody had to scan anything first. With the seed stored, a window that cannot open
    // does not undo the enrolment, and the person is told why there is no QR code; without, the seed
    // reached nobody, and core takes the device back.
    const showSeed = async (uri: string, serial: string) => {
      say('Showing the QR code…');
      try {
        await enrolmentQr.show(await enrolmentQrPage({ uri, deviceName: name, serial, seedStored: storeSeed }));
        qr = { shown: true };
      } catch (error) {
        qr = { shown: false, problem: describeError(error) };
        throw error;
      }
    };
    const enrolled = await enrollMfaDevice(
      { settings, keychain, sts, clock, steps, iam: announcedIam(iam, say), identitySession: signingSession(say, `settings: enrolment of MFA device ${name}`) },
      { name, identity, storeSeed, autoMfa, showSeed },
    );
    return { settings: await view(enrolled.settings), device: enrolled.device, userName: enrolled.userName, qr };
  });

  on(verbs.closeEnrolmentQr, () => {
    enrolmentQr.close();
    return undefined;
  });
}

/** Core's progress lines are clauses for the CLI's "latchkey: …"; the window shows them as sentences. */
const sentence = (message: string): string => message.charAt(0).toUpperCase() + message.slice(1);
