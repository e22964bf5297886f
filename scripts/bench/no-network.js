// Loaded with `node --require` into a benchmark job child (features.ts): every TCP/TLS
// connection except to this machine and the database's host is refused (the socket errors), so a
// job that would send a message to an outside endpoint (SMTP, an SMS gateway, a robot webhook)
// fails that send instead of making it. Both net.connect and tls.connect (so fetch and nodemailer)
// end in net.Socket#connect. Plain JavaScript: runs with node alone.
const net = require('net');

const allowed = new Set(['localhost', '127.0.0.1', '::1', '']);
try { allowed.add(new URL(process.env.DATABASE_URL || '').hostname); } catch { /* no URL: loopback only */ }
const local = (host) => allowed.has(host) || /^127\./.test(host);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guarded(...args) {
  // net.connect hands over its normalised [options, callback]; direct calls pass (options | port, host?)
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const opts = first !== null && typeof first === 'object' ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  const host = String(opts.host ?? 'localhost').replace(/^\[|\]$/g, '');
  if (opts.path || local(host)) return connect.apply(this, args);
  process.stderr.write(`[no-network] refused a connection to ${host}:${opts.port}\n`);
  process.nextTick(() => this.destroy(Object.assign(new Error(`bench: no network (connection to ${host} refused)`), { code: 'ECONNREFUSED' })));
  return this;
};
