// Loopback stand-ins for the outside world in job tests: an SMTP server that keeps every mail
// it receives, and an HTTP server that records JSON posts (an SMS gateway or webhook).
import http from 'http';
import type { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface MailSink { port: number; mails: ParsedMail[]; close: () => Promise<void> }

export async function smtpSink(): Promise<MailSink> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => { mails.push(m); done(); }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = ((server as any).server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface HttpSink {
  url: string;
  calls: { path: string; body: any; headers: http.IncomingHttpHeaders }[];
  /** status the next calls answer */
  status: number;
  close: () => Promise<void>;
}

export async function httpSink(answer: (body: any) => unknown = () => ({ id: `gw-${Date.now()}` })): Promise<HttpSink> {
  const sink: HttpSink = { url: '', calls: [], status: 200, close: async () => undefined };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      let body: any = raw;
      try { body = JSON.parse(raw); } catch { /* not JSON: kept as text */ }
      sink.calls.push({ path: req.url ?? '', body, headers: req.headers });
      res.writeHead(sink.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(sink.status === 200 ? answer(body) : { error: 'gateway down' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sink.close = () => new Promise((resolve) => server.close(() => resolve()));
  return sink;
}
