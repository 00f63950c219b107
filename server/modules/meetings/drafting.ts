import type { Db } from '../../db/open.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { storeGenerated } from '../../platform/files/service.js';
import { createOutgoingDraft, documentTypeName } from '../documents/index.js';
import { getAgency, listUsersByIds } from '../org/index.js';
import { renderOfficialText, type OfficialText } from './official-text.js';
import * as repo from './repo.js';
import type { MeetingRow } from './repo.js';
import { fieldError } from './service.js';
import { longDate, timeRange } from './vn-time.js';

/** The place of the place-and-date line: the first part of the agency's (or its parent's) address. */
function locality(address: string | null | undefined): string | null {
  const first = address?.split(',')[0]?.trim();
  return first ? first.replace(/^(Phường|Xã|Đặc khu|Thị trấn)\s+/u, '') : null;
}

/** The agencies an official text goes to: every agency involved but the drafter's own, each once. */
export function recipientAgencies(actorAgencyId: string, ...lists: string[][]): { agencyId: string }[] {
  return [...new Set(lists.flat())].filter((a) => a !== actorAgencyId).slice(0, 200).map((agencyId) => ({ agencyId }));
}

/**
 * Makes an outgoing draft of the documents module with a generated PDF as its content, inside the
 * caller's transaction; it then follows the normal review, signing and issuing flow like any draft.
 */
export async function draftOfficialText(
  ctx: ServiceContext,
  tx: Db,
  store: BlobStore,
  d: { typeCode: 'GM' | 'TB'; subject: string; signerId: string; recipients: { agencyId: string }[]; paragraphs: OfficialText['paragraphs']; fileName: string },
) {
  const sub = { ...ctx, db: tx };
  const [signer] = await listUsersByIds(sub, [d.signerId]);
  if (!signer || !signer.active) throw fieldError('signerId', 'Người ký không tồn tại hoặc đã ngừng hoạt động');
  const agency = await getAgency(sub, ctx.actor.agencyId);
  const parent = agency.parentId ? await getAgency(sub, agency.parentId).catch(() => null) : null;
  const title = await repo.personTitle(tx, ctx.actor.tenantId, signer.id);
  const recipientNames = await Promise.all(d.recipients.slice(0, 12).map((r) => getAgency(sub, r.agencyId).then((a) => a.name)));
  if (d.recipients.length > 12) recipientNames.push(`và ${d.recipients.length - 12} cơ quan khác`);
  recipientNames.push('Lưu: VT');
  const place = locality(agency.address) ?? locality(parent?.address);
  const bytes = await renderOfficialText({
    agencyName: agency.name,
    parentName: parent?.name ?? null,
    placeDate: `${place ? `${place}, ` : ''}${longDate(new Date())}`,
    typeName: documentTypeName(d.typeCode),
    subject: d.subject,
    paragraphs: d.paragraphs,
    signerTitle: title?.positionName ?? '',
    signerName: signer.fullName,
    recipients: recipientNames,
  });
  const file = await storeGenerated(sub, store, { name: d.fileName, mime: 'application/pdf', bytes });
  return createOutgoingDraft(sub, { typeCode: d.typeCode, subject: d.subject, signerId: signer.id, recipients: d.recipients, contentFileId: file.id, attachmentIds: [], urgency: 'normal', confidentiality: 'normal' });
}

/** "Phòng họp A – Trụ sở …" or the place, and the online line, as an invitation states them. */
export function placeLines(m: Pick<MeetingRow, 'onlineRoom' | 'place'> & { roomName: string | null; roomLocation: string | null }, siteCount: number): string[] {
  const where = m.roomName ? `${m.roomName}, ${m.roomLocation}` : (m.place ?? '');
  if (!m.onlineRoom) return [`Địa điểm: ${where}.`];
  return [`Hình thức: trực tuyến. Điểm cầu chính: ${where}; kết nối đến ${siteCount} điểm cầu UBND xã, phường, đặc khu.`];
}

export const when = (m: Pick<MeetingRow, 'startsAt' | 'endsAt'>) => timeRange(m.startsAt, m.endsAt);
