/**
 * Main's side of the settings window: one handler per verb of ipcContract.settings, each behind the
 * sender check and the contract's argument and reply schemas (ipc/handle). Changes answer with the new
 * view of the settings, which never holds a secret: keys and seeds enter here and stay in main. Key
 * rotation and MFA enrolment, which go through IAM, are in iam-handlers.ts.
 */
import type { IpcMain } from 'electron';
import { LatchkeyError } from '../../shared/errors';
import { ipcContract, type InvokeChannel, type SettingsView } from '../../shared/ipc-contract';
import type { Settings } from '../../shared/model';
import type { SessionEngine } from '../../core/sessions/session-engine';
import { addIdentity } from '../../core/settings/add-identity';
import { addMfaDevice } from '../../core/settings/add-mfa-device';
import { addRole } from '../../core/settings/add-role';
import { applyImport } from '../../core/settings/apply-import';
import { findEntry } from '../../core/settings/find-entry';
import { identifyImported } from '../../core/settings/identify-imported';
import { readImportPlan } from '../../core/settings/read-import-plan';
import { removeEntry } from '../../core/settings/remove-entry';
import { updateIdentity } from '../../core/settings/update-identity';
import { updateMfaDevice } from '../../core/settings/update-mfa-device';
import { updateRole } from '../../core/settings/update-role';
import type { SettingsEdit } from '../../core/settings/superseded-sessions';
import { deviceCode } from '../../core/totp/device-code';
import { handle, type Handler } from '../ipc/handle';
import type { SenderCheck } from '../ipc/trusted-sender';
import type { ProcessCommandPort } from './app-process-command';
import { registerIamHandlers, type IamHandlerDeps } from './iam-handlers';
import { importPreview } from './import-preview';
import { pickImport } from '../../core/settings/pick-import';
import { readQrSeed, type OpenDialog } from './read-qr-seed';
import { readSeedText } from './read-seed-text';
import { settingsView } from './settings-view';
import { StagedSeed } from './staged-seed';
import { testRole } from '../../core/sessions/test-role';

/** What the handlers need: the IAM handlers' (rotation, enrolment) and the rest of the window's. */
export interface SettingsHandlerDeps extends IamHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  /** Accepts only the settings window's own page (ipc/trusted-sender). */
  isTrustedSender: SenderCheck;
  /**
   * Forgets the sessions of what is removed; assumes a role for "Test" and gets the MFA session that
   * signs IAM calls (its MFA prompt is the app's popup).
   */
  engine: Pick<SessionEngine, 'forget' | 'renew' | 'prune' | 'credentials'>;
  /** Asks for the QR code image (Electron's dialog). */
  dialog: OpenDialog;
  /** Where ~/.aws is (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE), for the import. */
  env: NodeJS.ProcessEnv;
  /** The credential_process command adopted profiles get (app-process-command.ts), or why there is none. */
  processCommand: ProcessCommandPort;
}

export function registerSettingsHandlers(deps: SettingsHandlerDeps): void {
  const { settings: store, keychain, clock, env } = deps;
  const verbs = ipcContract.settings;
  const staged = new StagedSeed(clock);
  const on = <C extends InvokeChannel>(channel: C, handler: Handler<C>) => handle(deps.ipcMain, channel, handler, deps);
  const view = async (settings?: Settings): Promise<SettingsView> => settingsView(settings ?? (await store.load()), keychain, clock.now());
  /** A seed main holds goes into the keychain with its device, and is then no longer held. */
  const withStagedSeed = async <T>(token: string, save: (seed: string) => Promise<T>): Promise<T> => {
    const saved = await save(staged.seed(token));
    staged.clear(token);
    return saved;
  };

  on(verbs.load, () => view());

  on(verbs.addIdentity, async (request) => view((await addIdentity(deps, request)).settings));
  /** An edit that superseded cached sessions deletes them from the keychain (a failure there is not the edit's). */
  const edited = async ({ settings, superseded }: SettingsEdit): Promise<SettingsView> => {
    if (superseded.length > 0) await deps.engine.prune().catch(() => undefined);
    return view(settings);
  };
  on(verbs.updateIdentity, async (change) => edited(await updateIdentity(deps, change)));
  on(verbs.verifyIdentity, async ({ name }) => {
    const { region } = findEntry((await store.load()).identities, 'identity', name);
    return edited(await updateIdentity(deps, { name, region, verify: true }));
  });
  // The window asks first, saying the secret key is deleted from the keychain.
  on(verbs.remove, async ({ kind, name }) => edited({ settings: (await removeEntry(deps, kind, name, { deleteKey: true })).settings, superseded: [name] }));

  on(verbs.stageSeed, ({ text }) => staged.stage(readSeedText(text)));
  on(verbs.chooseQrImage, async () => {
    const seed = await readQrSeed(deps.dialog);
    return seed === undefined ? null : staged.stage(seed);
  });
  on(verbs.seedCode, ({ token }) => staged.code(token));
  on(verbs.deviceCode, async ({ name }) => {
    const { code, secondsLeft } = await deviceCode(deps, name, clock.now());
    return { code, secondsLeft };
  });
  on(verbs.addMfaDevice, async ({ device, seedToken }) =>
    view(await (seedToken === undefined ? addMfaDevice(deps, device, undefined) : withStagedSeed(seedToken, (seed) => addMfaDevice(deps, device, seed)))),
  );
  on(verbs.updateMfaDevice, async ({ seed, ...change }) =>
    edited(
      await (typeof seed === 'string'
        ? updateMfaDevice(deps, { ...change, seed })
        : withStagedSeed(seed.token, (stagedSeed) => updateMfaDevice(deps, { ...change, seed: { seed: stagedSeed } }))),
    ),
  );

  on(verbs.addRole, async ({ role }) => view(await addRole(store, role)));
  on(verbs.updateRole, async ({ role }) => edited(await updateRole(store, role)));
  on(verbs.testRole, ({ name }) => testRole(deps, name));
  registerIamHandlers(on, deps, view);

  const { processCommand } = deps;
  const cannotAdopt = 'unavailable' in processCommand ? processCommand.unavailable : undefined;
  /** The command adopting writes, checked as `latchkey import --adopt` checks it. */
  const adoptCommand = (scrub: boolean): ((name: string) => string) => {
    if (!scrub) throw new LatchkeyError('invalid-input', 'adopt goes with scrub: the keys left in the credentials file would still be what AWS tools use');
    if ('unavailable' in processCommand) throw new LatchkeyError('invalid-input', `Latchkey cannot adopt profiles here: ${processCommand.unavailable}`);
    return processCommand.command;
  };
  on(verbs.previewImport, async () => importPreview(await readImportPlan(store, env), cannotAdopt));
  on(verbs.applyImport, async ({ scrub, adopt, ...selection }) => {
    const choices = { scrub, ...(adopt ? { adopt: adoptCommand(scrub) } : {}) };
    const picked = pickImport(await readImportPlan(store, env), selection);
    const { scrubbed, adopted } = await applyImport(deps, picked, choices);
    // As `latchkey import` does, once the keys are stored: a key AWS does not identify stays imported,
    // and its row shows no account id.
    await identifyImported(deps, picked.plan.identities);
    return { settings: await view(), scrubbed, adopted: adopted.map(({ profile }) => profile) };
  });

  // A patch of what the person changed, applied to the file as it is under the lock: a change made
  // elsewhere since the window read it (the tray's "Launch at login", the CLI) stays.
  on(verbs.savePreferences, async ({ preferences }) =>
    view(
      await store.update((settings) => {
        Object.assign(settings.preferences, preferences);
      }),
    ),
  );
}
