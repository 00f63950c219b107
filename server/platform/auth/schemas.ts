import { z } from 'zod';
import { PERMISSIONS, ROLES } from './permissions.js';

export const LoginRequest = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
});

const Scope = z.enum(['unit', 'agency', 'tenant']);
export const CurrentUser = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  tenant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  agency: z.object({ id: z.uuid(), name: z.string(), shortName: z.string(), type: z.string() }),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  positionName: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.partialRecord(z.enum(PERMISSIONS), Scope).describe('Quyền và phạm vi: unit, agency, tenant'),
  mustChangePassword: z.boolean().describe('Mật khẩu chưa từng được đổi từ khi cấp'),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionResponse = z.object({
  user: CurrentUser,
  csrfToken: z.string().nullable().describe('Gửi lại trong header x-csrf-token với mọi yêu cầu thay đổi dữ liệu'),
});

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'Nhập mật khẩu hiện tại').max(200),
  newPassword: z.string().min(1, 'Nhập mật khẩu mới').max(200),
});

export const CreateApiTokenRequest = z.object({
  name: z.string().trim().min(1, 'Đặt tên cho mã truy cập').max(100),
  expiresInDays: z.number().int().min(1).max(730).optional().describe('Hết hạn sau số ngày; bỏ trống = không hết hạn'),
});
export const ApiTokenResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  revoked: z.boolean(),
});
export const CreatedApiTokenResponse = ApiTokenResponse.extend({
  token: z.string().describe('Chỉ hiển thị một lần; gửi trong header Authorization: Bearer …'),
});
export const ApiTokenListResponse = z.object({ items: z.array(ApiTokenResponse) });
export const LogoutEverywhereResponse = z.object({ revokedSessions: z.number().int() });
