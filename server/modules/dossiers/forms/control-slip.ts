import type { Outcome } from '../tables.js';
import { formFooter } from './common.js';
import type { DossierFormData } from './form-data.js';
import { outcomeLabel, placeDate, vnTimeOfDay } from './format.js';
import { agencyName, deskBody, deskName, placeOf } from './issuer.js';
import { FormDoc } from './layout.js';

/** One line of the control slip: who handed the file to whom, when, and how the finished step ended. */
export interface ControlRow {
  giverAgency: string;
  receiverAgency: string;
  /** the step the receiver starts */
  stepName: string | null;
  at: Date;
  giver: string;
  receiver: string;
  outcome: Outcome | null;
  note: string;
}

const asOutcome = (v: unknown): Outcome | null => (v === 'early' || v === 'on_time' || v === 'late' ? v : null);

/**
 * The control slip as a projection of the event log: each `handoff` (the step finished, its outcome against its
 * due time, the next agency and person), the file going to the applicant and back for a supplement, and the
 * result handed over at the end.
 */
export function controlSlipRows(data: DossierFormData): ControlRow[] {
  const { dossier: d, org } = data;
  const desk = deskName(org, d.receivingAgencyId, d.formVersion);
  const applicant = d.applicantName;
  const person = (id: string | null) => (id ? (data.people.get(id)?.fullName ?? '') : '');
  let holder = d.receivingAgencyId ? agencyName(org, d.receivingAgencyId) || desk : desk;
  const rows: ControlRow[] = [];
  for (const e of data.events) {
    if (e.kind === 'handoff') {
      const info = (e.data ?? {}) as Record<string, unknown>;
      const receiverAgency = agencyName(org, e.agencyId) || holder;
      const steps = [typeof info.finishedStepName === 'string' ? `Xong: ${info.finishedStepName}` : null];
      rows.push({
        giverAgency: holder,
        receiverAgency,
        stepName: e.stepName,
        at: e.at,
        giver: e.actorName,
        receiver: person(e.assigneeId) || '(chờ phân công)',
        outcome: asOutcome(e.outcome) ?? asOutcome(info.finishedOutcome),
        note: [...steps, e.note].filter(Boolean).join('; '),
      });
      holder = receiverAgency;
    } else if (e.kind === 'supplement_requested') {
      rows.push({ giverAgency: holder, receiverAgency: applicant, stepName: null, at: e.at, giver: e.actorName, receiver: applicant, outcome: null, note: `Yêu cầu bổ sung hồ sơ${e.note ? `: ${e.note}` : ''}` });
    } else if (e.kind === 'supplement_completed') {
      rows.push({ giverAgency: applicant, receiverAgency: holder, stepName: null, at: e.at, giver: applicant, receiver: e.actorName, outcome: null, note: `Đã bổ sung hồ sơ${e.note ? `: ${e.note}` : ''}` });
    } else if (e.kind === 'returned') {
      rows.push({ giverAgency: holder, receiverAgency: applicant, stepName: null, at: e.at, giver: e.actorName, receiver: applicant, outcome: d.outcome, note: `Trả kết quả${e.note ? `: ${e.note}` : ''}` });
    }
  }
  return rows;
}

/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ: Mẫu số 06 of Circular 03/2025 on A4 (its rows grow with every
 * hand-off of a multi-agency process), Mẫu số 05 of Circular 01/2018 on A5 as that circular prescribes.
 */
export function renderControlSlip(data: DossierFormData): Promise<Buffer> {
  const { dossier: d, org } = data;
  const f = new FormDoc(d.formVersion === '2025' ? 'A4' : 'A5', `Phiếu kiểm soát quá trình giải quyết hồ sơ ${d.code}`, formFooter('control', d.formVersion));
  f.header(deskBody(org, d.receivingAgencyId, d.formVersion, false), placeDate(placeOf(org, d.receivingAgencyId), d.receivedAt ?? d.submittedAt));
  f.title('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
  f.centerLine(`Mã hồ sơ: ${d.code}`, 'bold');
  f.doc.font('italic').fontSize(f.base - 1).text('(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)', f.left, f.doc.y, { width: f.width, align: 'center' });
  f.space(0.4);
  f.field('Người nộp hồ sơ', d.applicantName);
  f.field('Nội dung yêu cầu giải quyết', d.procedureName);
  f.field('Cơ quan (bộ phận) giải quyết hồ sơ', agencyName(org, d.handlingAgencyId));
  f.field('Thời gian nhận hồ sơ', vnTimeOfDay(d.receivedAt));
  f.field('Thời gian hẹn trả kết quả', vnTimeOfDay(d.originalAppointmentAt ?? d.appointmentAt));
  if (d.originalAppointmentAt && d.appointmentAt && d.originalAppointmentAt.getTime() !== d.appointmentAt.getTime()) f.field('Hẹn lại ngày trả kết quả', vnTimeOfDay(d.appointmentAt));
  f.space(0.4);
  const rows = controlSlipRows(data).map((r, i) => [
    `${i + 1}. Giao: ${r.giverAgency}\nNhận: ${r.receiverAgency}${r.stepName ? ` (${r.stepName})` : ''}`,
    `${vnTimeOfDay(r.at)}\nNgười giao: ${r.giver}\nNgười nhận: ${r.receiver}`,
    outcomeLabel(r.outcome),
    r.note,
  ]);
  f.table(
    [
      { title: 'TÊN CƠ QUAN', width: 28 },
      { title: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', width: 32 },
      { title: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)', width: 19, align: 'center' },
      { title: 'GHI CHÚ', width: 21 },
    ],
    rows,
  );
  return f.finish();
}
