/** Electron main entry: the tray app, composed from its real parts (see app/compose-app.ts). */
import { app } from 'electron';
import { runApp } from './app/app-lifecycle';
import { composeApp } from './app/compose-app';

void runApp(() => composeApp({ env: process.env, appRoot: app.getAppPath(), platform: process.platform }));
