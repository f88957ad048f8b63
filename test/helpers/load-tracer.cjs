// Preloaded (node --require) into a CLI run: records what the run loaded — Latchkey's files, packages
// and Node's built-in modules — and how many keychain reads it made, and writes that as JSON to the file
// LOAD_TRACE_FILE names when the process exits. Nothing goes to stdout, which the tests read.
const Module = require('node:module');
const { writeFileSync } = require('node:fs');

let keychainReads = 0;
const load = Module._load;
Module._load = function traced(request, ...rest) {
  const exports = load.call(this, request, ...rest);
  if (request === '@napi-rs/keyring' && !exports.AsyncEntry.prototype.__traced) {
    const getPassword = exports.AsyncEntry.prototype.getPassword;
    exports.AsyncEntry.prototype.getPassword = function countedGetPassword(...args) {
      keychainReads += 1;
      return getPassword.apply(this, args);
    };
    exports.AsyncEntry.prototype.__traced = true;
  }
  return exports;
};

process.on('exit', () => {
  const files = Object.keys(require.cache).filter((file) => file !== __filename);
  const builtins = process.moduleLoadList.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice('NativeModule '.length));
  writeFileSync(process.env.LOAD_TRACE_FILE, JSON.stringify({ files, builtins, keychainReads }));
});
