import type { z } from 'zod';
import { audit } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { DomainError } from '../../platform/http/errors.js';
import { draftOfficialText, placeLines, recipientAgencies } from './drafting.js';
import * as repo from './repo.js';
import type { InvitationRequest } from './schemas.js';
import { organizerMeeting } from './service.js';
import { invitationTime, vnTime } from './vn-time.js';

type In<T extends z.ZodType> = z.output<T>;

/**
 * The invitation (giấy mời) as an outgoing draft of the organizer: to the invited agencies and the sites,
 * with the time, place, chair and agenda written out; it is then reviewed, signed and issued as usual.
 */
export async function createMeetingInvitation(ctx: ServiceContext, store: BlobStore, id: string, input: In<typeof InvitationRequest>) {
  requirePermission(ctx.actor, 'document.draft');
  return ctx.db.transaction(async (tx) => {
    const m = await organizerMeeting({ ...ctx, db: tx }, tx, id, ['planned'], 'Chỉ lập giấy mời cho cuộc họp chưa diễn ra');
    if (m.invitationDocumentId) throw new DomainError('INVALID_STATE', 'Cuộc họp đã có giấy mời; xem dự thảo đã lập');
    const [full, participants, sites, chair] = await Promise.all([
      repo.getMeeting(tx, ctx.actor.tenantId, id),
      repo.getParticipants(tx, ctx.actor.tenantId, id),
      repo.getSites(tx, ctx.actor.tenantId, id),
      repo.personTitle(tx, ctx.actor.tenantId, m.chairUserId),
    ]);
    const invited = [
      ...participants.filter((p) => p.userId).map((p) => `Đồng chí ${p.userName}${p.positionName ? `, ${p.positionName}` : ''}${p.personAgencyName ? ` – ${p.personAgencyName}` : ''}`),
      ...participants.filter((p) => p.agencyId).map((p) => `Lãnh đạo ${p.agencyName}`),
    ];
    if (sites.length) invited.push(`Lãnh đạo UBND ${sites.length} xã, phường, đặc khu (tại điểm cầu của địa phương)`);
    const agenda = m.agenda.map((a, i) => ({ text: `${i + 1}. ${a.title}${a.presenter ? ` (${a.presenter} trình bày)` : ''}${a.minutes ? ` – ${a.minutes} phút` : ''}.` }));
    const documentId = await draftOfficialText(ctx, tx, store, {
      typeCode: 'GM',
      subject: `Mời dự ${m.title}`,
      signerId: input.signerId ?? m.chairUserId,
      recipients: recipientAgencies(ctx.actor.agencyId, participants.flatMap((p) => (p.agencyId ? [p.agencyId] : [])), sites.map((s) => s.agencyId)),
      fileName: 'giay-moi.pdf',
      paragraphs: [
        { text: `${full!.organizerAgencyName} trân trọng kính mời:` },
        ...(invited.length ? invited : ['Các thành phần theo danh sách kèm theo']).map((t) => ({ text: `- ${t};` })),
        { text: `Dự ${m.title}, do đồng chí ${m.chairName}${chair?.positionName ? `, ${chair.positionName}` : ''} chủ trì.`, bold: true },
        { text: `Thời gian: ${invitationTime(m.startsAt)} (dự kiến kết thúc lúc ${vnTime(m.endsAt)}).` },
        ...placeLines({ ...m, roomName: full!.roomName, roomLocation: full!.roomLocation }, sites.length).map((text) => ({ text })),
        ...(agenda.length ? [{ text: 'Nội dung:' }, ...agenda] : []),
        { text: 'Tài liệu cuộc họp được đăng trên Văn phòng số; đề nghị đại biểu nghiên cứu trước khi dự họp.' },
        { text: 'Rất mong các đồng chí tham dự đúng thành phần, đúng giờ./.' },
      ],
    });
    await repo.updateMeeting(tx, ctx.actor.tenantId, id, { invitationDocumentId: documentId });
    await audit(ctx, tx, { action: 'meeting.invitation_drafted', entityType: 'meeting', entityId: id, summary: `Lập dự thảo giấy mời cuộc họp "${m.title}"`, after: { documentId } });
    return { documentId };
  });
}
