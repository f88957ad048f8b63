/** Preload for the settings window: a narrow typed API of verbs, never ipcRenderer itself. */
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('latchkey', {});
