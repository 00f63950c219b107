import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { deliverable, type MailSettings, NO_EMAIL, queueEmail } from '../../platform/notify/index.js';
import { tenants } from '../org/tables.js';
import { publicLookupUrl, vnTimeOfDay } from './forms/format.js';

/** What the applicant is told by e-mail, when they gave an address and the deployment sends e-mail. */
export type ApplicantNotice =
  | { kind: 'submitted'; reference: string; receiveDueAt: Date }
  | { kind: 'received'; appointmentAt: Date | null }
  | { kind: 'refused'; reasons: string[] }
  | { kind: 'supplement'; reason: string; items: string[] }
  | { kind: 'extended'; reason: string; appointmentAt: Date }
  | { kind: 'processed' };

export interface ApplicantOfDossier {
  id: string;
  tenantId: string;
  code: string | null;
  procedureName: string;
  applicantName: string;
  applicantEmail: string | null;
}

function content(d: ApplicantOfDossier, n: ApplicantNotice): { subject: string; body: string } {
  const code = d.code ?? '';
  switch (n.kind) {
    case 'submitted':
      return {
        subject: `Đã nhận hồ sơ nộp trực tuyến: ${d.procedureName}`,
        body: `Hồ sơ "${d.procedureName}" đã được gửi đến bộ phận một cửa với mã tham chiếu ${n.reference}. Hồ sơ sẽ được xem xét tiếp nhận trước ${vnTimeOfDay(n.receiveDueAt)}; khi được tiếp nhận, bạn sẽ nhận mã hồ sơ và ngày hẹn trả kết quả.`,
      };
    case 'received':
      return {
        subject: `Hồ sơ ${code} đã được tiếp nhận`,
        body: `Hồ sơ "${d.procedureName}" đã được tiếp nhận, mã hồ sơ ${code}.${n.appointmentAt ? ` Hẹn trả kết quả: ${vnTimeOfDay(n.appointmentAt)}.` : ''}`,
      };
    case 'refused':
      return { subject: `Hồ sơ nộp trực tuyến không được tiếp nhận: ${d.procedureName}`, body: `Hồ sơ "${d.procedureName}" không được tiếp nhận vì:\n${n.reasons.map((r) => `- ${r}`).join('\n')}` };
    case 'supplement':
      return {
        subject: `Hồ sơ ${code} cần bổ sung, hoàn thiện`,
        body: `Hồ sơ "${d.procedureName}" (mã ${code}) cần bổ sung, hoàn thiện. Lý do: ${n.reason}\nĐề nghị bổ sung:\n${n.items.map((i) => `- ${i}`).join('\n')}\nThời gian giải quyết tạm dừng cho đến khi bạn nộp bổ sung tại bộ phận một cửa.`,
      };
    case 'extended':
      return {
        subject: `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code}`,
        body: `Cơ quan giải quyết xin lỗi vì hồ sơ "${d.procedureName}" (mã ${code}) chưa có kết quả đúng hẹn. Lý do: ${n.reason}\nHẹn trả kết quả mới: ${vnTimeOfDay(n.appointmentAt)}.`,
      };
    case 'processed':
      return { subject: `Hồ sơ ${code} đã có kết quả`, body: `Hồ sơ "${d.procedureName}" (mã ${code}) đã có kết quả. Mời bạn nhận kết quả theo hình thức đã đăng ký.` };
  }
}

/**
 * Queues the e-mail to the applicant in the caller's transaction (nothing when e-mail is off or no deliverable
 * address was given), with the public lookup link once the dossier has a code.
 */
export async function mailApplicant(tx: Db, d: ApplicantOfDossier, notice: ApplicantNotice, mail: MailSettings = NO_EMAIL): Promise<boolean> {
  if (!mail.email || !deliverable(d.applicantEmail)) return false;
  const { subject, body } = content(d, notice);
  let link = '';
  if (d.code && mail.publicUrl) {
    const [tenant] = await tx.select({ code: tenants.code }).from(tenants).where(eq(tenants.id, d.tenantId));
    if (tenant) link = `\n\nTra cứu hồ sơ: ${publicLookupUrl(mail.publicUrl, tenant.code, d.code)}`;
  }
  return queueEmail(tx, { tenantId: d.tenantId, to: d.applicantEmail, toName: d.applicantName, subject, text: `Kính gửi ${d.applicantName},\n\n${body}${link}`, dedupeKey: null }, mail);
}
