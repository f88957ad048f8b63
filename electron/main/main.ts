/**
 * Electron main entry. Placeholder until the desktop app is built: a single-instance tray app with no
 * windows open at start.
 */
import { app } from 'electron';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.dock?.hide();
  app.on('window-all-closed', () => {
    // A tray app stays running with no windows open.
  });
}
