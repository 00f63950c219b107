import { z } from 'zod';
import { text } from '../../platform/http/zod-text.js';
import { DERIVED_STATUSES } from '../tasks/index.js';
import { DELEGATION_KINDS, DELEGATION_STATES } from './tables.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

export const DelegationParams = z.object({ id: z.uuid() });

const fields = {
  kind: z.enum(DELEGATION_KINDS).describe('central: đoàn Trung ương; foreign: đoàn nước ngoài; other_province: đoàn tỉnh, thành phố khác'),
  name: text(500, 'Nhập tên đoàn'),
  organization: text(500, 'Nhập cơ quan cử đoàn').describe('Bộ, ngành, đại sứ quán, tỉnh… cử đoàn'),
  headName: text(300, 'Nhập trưởng đoàn').describe('Trưởng đoàn (họ tên, chức vụ)'),
  composition: text(2000).optional().describe('Thành phần đoàn'),
  memberCount: z.number().int().min(1, 'Số thành viên ít nhất 1').max(1000).optional(),
  arrivesOn: DateOnly.describe('Ngày đến'),
  departsOn: DateOnly.describe('Ngày về'),
  content: text(4000, 'Nhập nội dung làm việc'),
  receivingLeaderId: z.uuid().describe('Lãnh đạo tỉnh tiếp, làm việc với đoàn'),
  hostAgencyId: z.uuid().describe('Cơ quan chủ trì đón tiếp'),
};
const dateOrder = (v: { arrivesOn?: string | undefined; departsOn?: string | undefined }) => !v.arrivesOn || !v.departsOn || v.departsOn >= v.arrivesOn;
const dateIssue = { message: 'Ngày về không được trước ngày đến', path: ['departsOn'] };

export const CreateDelegationRequest = z.object(fields).refine(dateOrder, dateIssue);
export const UpdateDelegationRequest = z
  .object({
    kind: fields.kind.optional(),
    name: fields.name.optional(),
    organization: fields.organization.optional(),
    headName: fields.headName.optional(),
    composition: text(2000).nullable().optional(),
    memberCount: z.number().int().min(1).max(1000).nullable().optional(),
    arrivesOn: fields.arrivesOn.optional(),
    departsOn: fields.departsOn.optional(),
    content: fields.content.optional(),
    receivingLeaderId: fields.receivingLeaderId.optional(),
    hostAgencyId: fields.hostAgencyId.optional(),
  })
  .refine(dateOrder, dateIssue);

export const DelegationOutcomeRequest = z.discriminatedUnion('state', [
  z.object({ state: z.literal('received').describe('Đã đón tiếp, làm việc'), outcome: text(8000, 'Nhập kết quả làm việc') }),
  z.object({ state: z.literal('cancelled').describe('Đoàn hoãn, hủy'), outcome: text(2000, 'Nhập lý do hoãn, hủy') }),
]);

export const DelegationListQuery = z.object({
  from: DateOnly.optional().describe('Đến từ ngày'),
  to: DateOnly.optional().describe('Đến trước hoặc trong ngày'),
  kind: z.enum(DELEGATION_KINDS).optional(),
  state: z.enum(DELEGATION_STATES).optional(),
  q: z.string().trim().max(200).optional().describe('Từ khóa: tên đoàn, cơ quan, nội dung (có dấu hoặc không dấu)'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const DelegationTaskRequest = z
  .object({
    content: text(4000, 'Nhập nội dung nhiệm vụ'),
    primaryAgencyId: z.uuid().describe('Cơ quan chủ trì'),
    primaryUserId: z.uuid().optional(),
    coordinatingAgencyIds: z.array(z.uuid()).max(50).default([]),
    dueDate: DateOnly.optional(),
    dueInWorkingDays: z.number().int().min(1).max(365).optional(),
    priority: z.enum(['normal', 'high', 'urgent']).default('normal'),
    expectedResult: text(2000).optional(),
  })
  .refine((v) => Boolean(v.dueDate) !== Boolean(v.dueInWorkingDays), { message: 'Nhập hạn theo ngày hoặc theo số ngày làm việc (một trong hai)', path: ['dueDate'] });

export const DelegationSummaryResponse = z.object({
  id: z.uuid(),
  kind: z.enum(DELEGATION_KINDS),
  name: z.string(),
  organization: z.string(),
  headName: z.string(),
  memberCount: z.number().int().nullable(),
  arrivesOn: DateOnly,
  departsOn: DateOnly,
  receivingLeaderId: z.uuid(),
  receivingLeaderName: z.string(),
  hostAgencyId: z.uuid(),
  hostAgencyName: z.string(),
  state: z.enum(DELEGATION_STATES).describe('planned: dự kiến; received: đã đón tiếp; cancelled: hoãn, hủy'),
});
export const DelegationListResponse = z.object({ items: z.array(DelegationSummaryResponse), total: z.number().int() });

export const DelegationResponse = DelegationSummaryResponse.extend({
  composition: z.string().nullable(),
  content: z.string(),
  outcome: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  tasks: z.array(z.object({ id: z.uuid(), content: z.string(), primaryAgencyName: z.string(), deadline: DateOnly, state: z.string(), derivedStatus: z.enum(DERIVED_STATUSES), progress: z.number().int() })),
  actions: z.array(z.enum(['edit', 'outcome', 'task'])).describe('Thao tác người đang xem được làm lúc này'),
});
