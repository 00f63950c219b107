/** In-app notifications and e-mail (DESIGN.md "notify"): written in the caller's transaction, e-mail sent by a job. */
export { deliverable, deliverEmails, EMAIL_MAX_ATTEMPTS, NO_EMAIL, notify, queueEmail, retryDelayMs, type EmailSender, type MailSettings, type Notice, type OutgoingEmail } from './service.js';
export { smtpSender } from './smtp-sender.js';
