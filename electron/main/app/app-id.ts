/** The app's identity: electron-builder's appId (build/electron-builder.config.cjs), which Windows notifications and the macOS keychain key on. */
export const APP_ID = 'dev.latchkey.app';
