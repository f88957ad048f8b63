/** Preload for the settings window: the verbs of ipcContract.settings, nothing else. */
import { ipcContract } from '../shared/ipc-contract';
import { invokeVerbs } from '../shared/window-api';
import { expose, invoke } from './lib/expose';

expose('settings', invokeVerbs(ipcContract.settings, invoke));
