// Email through nodemailer, configured from SMTP_* at first use (a restart picks up changes).
import nodemailer, { type Transporter } from 'nodemailer';
import type { Channel } from './types';
import { NotConfigured } from './types';
import { textToHtml } from '../template';

let transport: Transporter | undefined;
let configuredFor = '';

function transporter(): Transporter {
  const host = process.env.SMTP_HOST;
  if (!host) throw new NotConfigured('SMTP_HOST is not set');
  const key = ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASS'].map((k) => process.env[k] ?? '').join('|');
  if (!transport || key !== configuredFor) {
    const secure = process.env.SMTP_SECURE === 'true';
    transport = nodemailer.createTransport({
      host,
      port: Number(process.env.SMTP_PORT ?? (secure ? 465 : 587)),
      secure,
      auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS ?? '' } : undefined,
      connectionTimeout: 10_000,
      socketTimeout: 20_000,
    });
    configuredFor = key;
  }
  return transport;
}

export const email: Channel = {
  async send(msg) {
    const info = await transporter().sendMail({
      from: process.env.SMTP_FROM ?? 'CRM <crm@localhost>',
      to: msg.to!,
      subject: msg.subject ?? '',
      text: msg.body ?? '',
      html: textToHtml(msg.body ?? ''),
    });
    return { providerId: info.messageId };
  },
};
