import type { z } from 'zod';
import { audit } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import { formatVnDate } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { DomainError } from '../../platform/http/errors.js';
import { getAgency } from '../org/index.js';
import { createTask } from '../tasks/index.js';
import { draftOfficialText, recipientAgencies, when } from './drafting.js';
import { organizes, visibilityOf } from './policy.js';
import * as repo from './repo.js';
import type { ConclusionRequest } from './schemas.js';
import { getMeeting, meetingNotFound } from './service.js';
import { vnDate } from './vn-time.js';

type In<T extends z.ZodType> = z.output<T>;

/** The reference every task of the conclusion carries back to its source. */
export const conclusionReference = (title: string, startsAt: Date) => `Thông báo kết luận cuộc họp ${title} ngày ${vnDate(startsAt)}`;

/** A task's field error, reported under the item it came from (`items.<i>.<field>`). */
function underItem(err: unknown, i: number): unknown {
  if (err instanceof DomainError && err.errors) return new DomainError(err.code, err.detail, { errors: err.errors.map((e) => ({ ...e, path: `items.${i}.${e.path}` })), extra: err.extra });
  return err;
}

/**
 * After the meeting, the chair or the organizer records its conclusion. In one transaction: the
 * conclusion, one task per action item (through the tasks module, linked to the meeting) and the
 * conclusion notice (thông báo kết luận) as an outgoing draft. Any refusal leaves nothing behind.
 */
export async function recordConclusion(ctx: ServiceContext, store: BlobStore, id: string, input: In<typeof ConclusionRequest>) {
  // the tasks are given in the actor's name: only a leader who gives tasks concludes with action items
  requirePermission(ctx.actor, 'task.assign');
  requirePermission(ctx.actor, 'document.draft');
  await ctx.db.transaction(async (tx) => {
    const sub = { ...ctx, db: tx };
    if (!(await repo.isVisible(tx, visibilityOf(ctx.actor), id))) throw meetingNotFound();
    const m = await repo.lockMeeting(tx, ctx.actor.tenantId, id);
    if (!m) throw meetingNotFound();
    if (m.chairUserId !== ctx.actor.userId && !organizes(ctx.actor, m)) throw new DomainError('FORBIDDEN', 'Chỉ người chủ trì hoặc cơ quan tổ chức ghi kết luận');
    if (m.state !== 'held') throw new DomainError('INVALID_STATE', 'Chỉ ghi kết luận sau khi cuộc họp đã diễn ra');
    if (await repo.getConclusion(tx, ctx.actor.tenantId, id)) throw new DomainError('INVALID_STATE', 'Cuộc họp đã có kết luận');
    const reference = conclusionReference(m.title, m.startsAt);
    const taskIds: string[] = [];
    const itemLines: string[] = [];
    for (const [i, item] of input.items.entries()) {
      const task = await createTask(sub, { content: item.content, source: { kind: 'meeting', reference }, primaryAgencyId: item.primaryAgencyId, coordinatingAgencyIds: item.coordinatingAgencyIds, dueDate: item.dueDate, priority: item.priority }, { sourceMeetingId: id }).catch((err: unknown) => {
        throw underItem(err, i);
      });
      taskIds.push(task.id);
      const coordinators = await Promise.all(item.coordinatingAgencyIds.map((a) => getAgency(sub, a).then((x) => x.name)));
      itemLines.push(`${i + 1}. Giao ${task.primaryAgencyName} chủ trì${coordinators.length ? `, phối hợp với ${coordinators.join(', ')}` : ''}: ${item.content} Thời hạn hoàn thành: ${formatVnDate(task.deadline)}.`);
    }
    const [participants, sites] = await Promise.all([repo.getParticipants(tx, ctx.actor.tenantId, id), repo.getSites(tx, ctx.actor.tenantId, id)]);
    const noticeDocumentId = await draftOfficialText(ctx, tx, store, {
      typeCode: 'TB',
      subject: `Kết luận của đồng chí ${m.chairName} tại ${m.title}`,
      signerId: input.signerId ?? m.chairUserId,
      recipients: recipientAgencies(
        ctx.actor.agencyId,
        participants.flatMap((p) => (p.agencyId ? [p.agencyId] : [])),
        sites.map((s) => s.agencyId),
        input.items.flatMap((it) => [it.primaryAgencyId, ...it.coordinatingAgencyIds]),
      ),
      fileName: 'thong-bao-ket-luan.pdf',
      paragraphs: [
        { text: `Vào ${when(m)}, đồng chí ${m.chairName} chủ trì ${m.title}. Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, đồng chí ${m.chairName} kết luận như sau:` },
        ...input.summary.split(/\n+/).map((text) => ({ text })),
        ...(itemLines.length ? [{ text: 'Giao nhiệm vụ:', bold: true }, ...itemLines.map((text) => ({ text }))] : []),
        { text: 'Các cơ quan, đơn vị được giao nhiệm vụ báo cáo tiến độ, kết quả thực hiện trên Văn phòng số đúng thời hạn./.' },
      ],
    });
    await repo.insertConclusion(tx, { tenantId: ctx.actor.tenantId, meetingId: id, summary: input.summary, noticeDocumentId, recordedBy: ctx.actor.userId, recordedByName: ctx.actor.fullName });
    await audit(ctx, tx, { action: 'meeting.concluded', entityType: 'meeting', entityId: id, summary: `Ghi kết luận cuộc họp "${m.title}": ${taskIds.length} nhiệm vụ, dự thảo thông báo kết luận`, after: { noticeDocumentId, taskIds } });
  });
  return getMeeting(ctx, id);
}
