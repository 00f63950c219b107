import nodemailer from 'nodemailer';
import type { EmailSender } from './service.js';

/**
 * The sender of the `notify.email` job: SMTP at `config.smtp.url` (smtp:// or smtps://, credentials in the
 * URL), from `config.smtp.from`. One pooled-free transport: the job sends a handful every minute.
 */
export function smtpSender(smtp: { url: string; from: string }): EmailSender & { close(): void } {
  // a server that does not answer must not hold the job (and its locked rows) for minutes
  const transport = nodemailer.createTransport({ url: smtp.url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
  return {
    async send(mail) {
      await transport.sendMail({ from: smtp.from, to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
