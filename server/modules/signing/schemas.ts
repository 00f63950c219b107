import { z } from 'zod';
import { CERTIFICATE_KINDS, TRUST_ANCHOR_KINDS } from './tables.js';

const base64 = (maxBytes: number) =>
  z
    .string()
    .trim()
    .max(Math.ceil(maxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Không phải dữ liệu base64');

/** A PKCS#12 file is a few kilobytes; a long chain stays far below this. */
export const MAX_PKCS12_BYTES = 64 * 1024;

export const AddCertificateRequest = z.object({
  kind: z.enum(CERTIFICATE_KINDS).describe('personal: chứng thư số cá nhân của người ký; organization: chứng thư số của cơ quan (văn thư giữ)'),
  label: z.string().trim().min(1).max(200).describe('Tên gợi nhớ, ví dụ "USB token Ban Cơ yếu"'),
  pkcs12: base64(MAX_PKCS12_BYTES).describe('Tệp .p12/.pfx, mã hóa base64'),
  passphrase: z.string().min(1).max(200).describe('Chỉ dùng để mở tệp khi thêm; không được lưu'),
  imageFileId: z.uuid().optional().describe('Ảnh chữ ký (màu xanh) hoặc ảnh con dấu (màu đỏ), PNG nền trong suốt, đã tải lên qua /api/files'),
});

export const CertificateResponse = z.object({
  id: z.uuid(),
  kind: z.enum(CERTIFICATE_KINDS),
  label: z.string(),
  subjectName: z.string(),
  issuerName: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  expired: z.boolean(),
  imageFileId: z.uuid().nullable(),
  createdAt: z.string(),
});

export const SignRequest = z.object({
  certificateId: z.uuid(),
  passphrase: z.string().min(1).max(200).describe('Mật khẩu của tệp chứng thư số; không được lưu'),
});

export const AddTrustAnchorRequest = z.object({
  content: z.string().trim().min(1).max(2 * 1024 * 1024).describe('Chứng thư số CA hoặc danh sách thu hồi (CRL): PEM, hoặc DER mã hóa base64'),
});

export const TrustAnchorResponse = z.object({
  id: z.uuid(),
  kind: z.enum(TRUST_ANCHOR_KINDS),
  name: z.string(),
  validUntil: z.string().nullable(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const SignatureReportResponse = z.object({
  fieldName: z.string(),
  subFilter: z.string().nullable(),
  signerName: z.string().nullable(),
  issuerName: z.string().nullable(),
  serialNumber: z.string().nullable(),
  signingTime: z.string().nullable(),
  intact: z.boolean().describe('Phần được ký không bị thay đổi và chữ ký khớp với chứng thư số'),
  coversWholeDocument: z.boolean(),
  modifiedAfter: z.boolean().describe('Có nội dung được thêm sau chữ ký này (không phải chữ ký sau)'),
  chain: z.enum(['trusted', 'untrusted', 'incomplete']),
  validAtSigningTime: z.boolean(),
  revoked: z.boolean().nullable().describe('null: chưa có danh sách thu hồi (CRL) để kiểm tra'),
  status: z.enum(['valid', 'warning', 'invalid']),
  reasons: z.array(z.string()),
});

export const VerificationResponse = z.object({
  signatures: z.array(SignatureReportResponse),
  status: z.enum(['unsigned', 'valid', 'warning', 'invalid']).describe('Tổng hợp: chữ ký kém nhất quyết định'),
});
