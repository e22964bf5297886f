// Email through nodemailer, configured from SMTP_* at first use (a restart picks up changes).
import nodemailer, { type Transporter } from 'nodemailer';
import type { Channel } from './types';
import { NotConfigured } from './types';
import { escapeHtml, textToHtml } from '../template';
import { isMarketing, messagingConfig, unsubscribeSecret, unsubscribeToken, unsubscribeUrl } from '../opt-out';

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
    const body = msg.body ?? '';
    let text = body;
    let html = textToHtml(body);
    let headers: Record<string, string> | undefined;
    if (msg.customerId && isMarketing(messagingConfig(), msg.purpose)) {
      // one click opts out (RFC 8058): the link in the body, and the headers mail clients use
      const url = unsubscribeUrl(unsubscribeToken(unsubscribeSecret(), msg.customerId, 'email'));
      text = `${body}\n\n退订邮件：${url}`;
      html = `${html}<p style="font-size:12px;color:#888"><a href="${escapeHtml(url)}">退订邮件</a></p>`;
      headers = { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
    }
    const info = await transporter().sendMail({
      from: process.env.SMTP_FROM ?? 'CRM <crm@localhost>',
      to: msg.to!,
      subject: msg.subject ?? '',
      text,
      html,
      headers,
    });
    return { providerId: info.messageId };
  },
};
