import { z } from 'zod';
import { ROLES } from '../../platform/auth/permissions.js';

export const AGENCY_TYPES = [
  'province_committee',
  'provincial_office',
  'department',
  'service_center',
  'service_center_location',
  'commune_committee',
  'ward_committee',
  'special_zone_committee',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  province_committee: 'UBND tỉnh',
  provincial_office: 'Văn phòng UBND tỉnh',
  department: 'Sở, ban, ngành',
  service_center: 'Trung tâm Phục vụ hành chính công',
  service_center_location: 'Điểm tiếp nhận của Trung tâm',
  commune_committee: 'UBND xã',
  ward_committee: 'UBND phường',
  special_zone_committee: 'UBND đặc khu',
};

/** Decision 20/2020/QĐ-TTg identifier codes as observed: NNN.NN.NN.Xnn, 13 characters (DOMAIN.md). */
export const IDENTIFIER_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Không được để trống')
    .max(max, `Tối đa ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .transform((s) => (s === '' ? null : s.normalize('NFC')))
    .nullable()
    .optional();

export const Uuid = z.uuid('Mã định danh không hợp lệ');
export const IdParams = z.object({ id: Uuid });

export const Pagination = {
  page: z.coerce.number().int().min(1).default(1).describe('Trang, bắt đầu từ 1'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('Số dòng mỗi trang (tối đa 200)'),
};

// ---- agencies ----
export const AgencyResponse = z.object({
  id: Uuid,
  parentId: Uuid.nullable(),
  parentName: z.string().nullable().describe('Tên cơ quan cấp trên'),
  type: z.enum(AGENCY_TYPES),
  typeLabel: z.string(),
  name: z.string(),
  shortName: z.string().describe('Chữ viết tắt dùng trong ký hiệu văn bản (UBND, VP, STC…)'),
  identifierCode: z.string().nullable().describe('Mã định danh điện tử (QĐ 20/2020/QĐ-TTg), 13 ký tự'),
  address: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type AgencyResponse = z.infer<typeof AgencyResponse>;

export const ListAgenciesQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Tìm theo tên, không phân biệt dấu'),
  type: z.enum(AGENCY_TYPES).optional(),
  parentId: Uuid.optional(),
  active: z.enum(['true', 'false']).optional(),
  ...Pagination,
});
export const AgencyListResponse = z.object({ items: z.array(AgencyResponse), total: z.number().int() });

export const CreateAgencyRequest = z.object({
  type: z.enum(AGENCY_TYPES),
  name: text(300),
  shortName: text(20).refine((s) => !/\s/.test(s), 'Chữ viết tắt không được chứa khoảng trắng'),
  parentId: Uuid.nullable().optional(),
  identifierCode: z
    .string()
    .trim()
    .regex(IDENTIFIER_CODE, 'Mã định danh phải có dạng 000.00.00.H41 (13 ký tự)')
    .nullable()
    .optional(),
  address: optionalText(300),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export const UpdateAgencyRequest = CreateAgencyRequest.partial().extend({ active: z.boolean().optional() });

// ---- units ----
export const UnitResponse = z.object({
  id: Uuid,
  agencyId: Uuid,
  agencyName: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  active: z.boolean(),
});
export const ListUnitsQuery = z.object({
  agencyId: Uuid.optional(),
  q: z.string().trim().max(100).optional().describe('Tìm theo tên đơn vị hoặc tên cơ quan, không phân biệt dấu'),
  ...Pagination,
});
export const UnitListResponse = z.object({ items: z.array(UnitResponse), total: z.number().int() });
export const CreateUnitRequest = z.object({ agencyId: Uuid, name: text(200), shortName: optionalText(20) });
export const UpdateUnitRequest = z.object({
  name: text(200).optional(),
  shortName: optionalText(20),
  active: z.boolean().optional(),
});

// ---- positions ----
export const PositionResponse = z.object({ id: Uuid, name: z.string(), rank: z.number().int() });
export const PositionListResponse = z.object({ items: z.array(PositionResponse) });
export const CreatePositionRequest = z.object({ name: text(100), rank: z.number().int().min(0).max(1000).optional().describe('Thứ tự sắp xếp, nhỏ đứng trước') });
export const UpdatePositionRequest = CreatePositionRequest.partial();

// ---- users ----
export const RoleEnum = z.enum(ROLES);
export const UserResponse = z.object({
  id: Uuid,
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  agencyId: Uuid,
  agencyName: z.string(),
  unitId: Uuid,
  unitName: z.string(),
  positionId: Uuid.nullable(),
  positionName: z.string().nullable(),
  roles: z.array(RoleEnum),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type UserResponse = z.infer<typeof UserResponse>;
export const ListUsersQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Tìm theo họ tên hoặc tên đăng nhập, không phân biệt dấu'),
  agencyId: Uuid.optional(),
  unitId: Uuid.optional(),
  role: RoleEnum.optional(),
  active: z.enum(['true', 'false']).optional(),
  ...Pagination,
});
export const UserListResponse = z.object({ items: z.array(UserResponse), total: z.number().int() });

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,49}$/;
export const CreateUserRequest = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(USERNAME, 'Tên đăng nhập gồm 2–50 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang'),
  fullName: text(150),
  email: z.email('Địa chỉ email không hợp lệ').nullable().optional(),
  phone: optionalText(20),
  unitId: Uuid,
  positionId: Uuid.nullable().optional(),
  roles: z.array(RoleEnum).min(1, 'Chọn ít nhất một vai trò'),
  password: z.string().min(1).max(200).describe('Mật khẩu ban đầu; người dùng nên đổi khi đăng nhập lần đầu'),
});
export const UpdateUserRequest = z.object({
  fullName: text(150).optional(),
  email: z.email('Địa chỉ email không hợp lệ').nullable().optional(),
  phone: optionalText(20),
  unitId: Uuid.optional(),
  positionId: Uuid.nullable().optional(),
  roles: z.array(RoleEnum).min(1, 'Chọn ít nhất một vai trò').optional(),
});
export const ResetPasswordRequest = z.object({ password: z.string().min(1).max(200) });

export const OkResponse = z.object({ ok: z.literal(true) });
