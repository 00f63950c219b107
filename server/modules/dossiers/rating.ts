import { recordAudit } from '../../platform/audit/service.js';
import type { AnonymousContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { appendDossierEvent } from './events.js';
import { findDossierForCitizen } from './lookup.js';
import * as repo from './public-repo.js';

/**
 * The criteria a citizen scores 1–5 after the result (domain file §5: the provincial portals' satisfaction
 * criteria), besides the like/dislike the national portal counts (indicator 5.4).
 */
export const RATING_CRITERIA = ['overall', 'convenience', 'timeliness', 'staff_attitude', 'time_vs_rule', 'contact_count', 'publicity'] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];

export const RATING_CRITERIA_LABELS: Readonly<Record<RatingCriterion, string>> = {
  overall: 'Mức độ hài lòng chung',
  convenience: 'Sự thuận tiện khi thực hiện thủ tục',
  timeliness: 'Tính kịp thời, đúng hẹn',
  staff_attitude: 'Thái độ phục vụ của cán bộ, công chức',
  time_vs_rule: 'Thời gian giải quyết so với quy định',
  contact_count: 'Số lần phải liên hệ để hoàn thành hồ sơ (ít lần: điểm cao)',
  publicity: 'Sự công khai, minh bạch thông tin',
};

export interface RateDossierInput {
  code: string;
  contact: string;
  satisfied: boolean;
  criteria: Partial<Record<RatingCriterion, number>>;
  comment?: string | undefined;
}

/**
 * `rateDossier`: once, by the applicant (code + phone or ID number), only when the result is ready (9) or
 * returned (10). The dossier row is locked, so two ratings sent at once cannot both pass; the `rated` event
 * goes to its log.
 */
export async function rateDossier(ctx: AnonymousContext, tenantCode: string, input: RateDossierInput, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    const { tenant, dossier } = await findDossierForCitizen(tx, tenantCode, input.code, input.contact, { lock: true });
    if (dossier.status !== 9 && dossier.status !== 10) throw new DomainError('INVALID_STATE', 'Chỉ đánh giá được khi hồ sơ đã có kết quả');
    if (await repo.ratingOf(tx, dossier.id)) throw new DomainError('CONFLICT', 'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần');
    const comment = input.comment?.trim() || null;
    await repo.insertRating(tx, { dossierId: dossier.id, tenantId: tenant.id, satisfied: input.satisfied, criteria: input.criteria, comment, ratedAt: now });
    await appendDossierEvent(tx, dossier.id, { kind: 'rated', at: now, actorName: dossier.applicantName, data: { satisfied: input.satisfied, criteria: input.criteria } });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorName: dossier.applicantName,
      action: 'dossier.rated',
      entityType: 'dossier',
      entityId: dossier.id,
      summary: `Người nộp đánh giá hồ sơ ${dossier.code ?? ''}: ${input.satisfied ? 'hài lòng' : 'không hài lòng'}`,
      after: { satisfied: input.satisfied, criteria: input.criteria, comment },
      ip: ctx.ip ?? null,
    });
    return { code: dossier.code, satisfied: input.satisfied, criteria: input.criteria, comment, ratedAt: now.toISOString() };
  });
}
