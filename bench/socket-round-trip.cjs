// The floor for a broker answer: a bare Node process that sends one request to the running broker and
// prints the reply as soon as its line is complete, then exits, with none of Latchkey's code (no
// argument parsing, no schema check). The warm broker path is measured against it too.
// Usage: node socket-round-trip.cjs SOCKET NAME (the socket the agent said it serves on).
const { createConnection } = require('node:net');

const socket = createConnection(process.argv[2]);
socket.write(`${JSON.stringify({ type: 'credentials', protocol: 1, name: process.argv[3], requester: 'bench' })}\n`);
const chunks = [];
socket.on('data', (chunk) => {
  chunks.push(chunk);
  if (!chunk.includes(10)) return;
  process.stdout.write(`${JSON.stringify(JSON.parse(Buffer.concat(chunks).toString()).credentials)}\n`, () => process.exit(0));
});
