// The floor for a broker answer: a bare Node process that sends one request to the running broker and
// prints the reply, with none of Latchkey's code. The warm broker path is measured against it too.
const { createConnection } = require('node:net');
const { join } = require('node:path');

const socket = createConnection(join(process.env.XDG_RUNTIME_DIR, 'latchkey', 'broker.sock'));
let reply = '';
socket.setEncoding('utf8');
socket.on('connect', () => socket.write(`${JSON.stringify({ type: 'credentials', protocol: 1, name: process.argv[2], requester: 'bench' })}\n`));
socket.on('data', (chunk) => (reply += chunk));
socket.on('end', () => process.stdout.write(`${JSON.stringify(JSON.parse(reply).credentials)}\n`));
