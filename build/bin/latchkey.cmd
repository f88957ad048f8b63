@echo off
rem The `latchkey` command of the packaged app, as build/bin/latchkey is on macOS and Linux: runs the
rem bundled CLI with the app's own executable in Node mode. It lives in the app's resources\bin\ and
rem finds the app from its own folder. configure-process writes this file's path (LATCHKEY_LAUNCHER)
rem into credential_process.
setlocal
set ELECTRON_RUN_AS_NODE=1
set "LATCHKEY_LAUNCHER=%~f0"
"%~dp0..\..\Latchkey.exe" "%~dp0..\app.asar.unpacked\dist\cli\latchkey.cjs" %*
exit /b %ERRORLEVEL%
