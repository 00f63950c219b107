import { z } from 'zod';
import { CERTIFICATE_KINDS, CERTIFICATE_PROVIDERS, TRUST_ANCHOR_KINDS } from './tables.js';

const base64 = (maxBytes: number) =>
  z
    .string()
    .trim()
    .max(Math.ceil(maxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Không phải dữ liệu base64');

/** A PKCS#12 file is a few kilobytes; a long chain stays far below this. */
export const MAX_PKCS12_BYTES = 64 * 1024;

const required = (path: string, message: string) => ({ path: [path], message });

export const AddCertificateRequest = z
  .object({
    kind: z.enum(CERTIFICATE_KINDS).describe('personal: chứng thư số cá nhân của người ký; organization: chứng thư số của cơ quan (văn thư giữ)'),
    provider: z.enum(CERTIFICATE_PROVIDERS).default('pkcs12').describe('pkcs12: tệp chứng thư số; remote: khóa ở dịch vụ ký số từ xa của tổ chức cung cấp dịch vụ chứng thực'),
    label: z.string().trim().min(1).max(200).describe('Tên gợi nhớ, ví dụ "USB token Ban Cơ yếu"'),
    pkcs12: base64(MAX_PKCS12_BYTES).optional().describe('pkcs12: tệp .p12/.pfx, mã hóa base64'),
    passphrase: z.string().min(1).max(200).optional().describe('pkcs12: chỉ dùng để mở tệp khi thêm; không được lưu'),
    serviceId: z.string().trim().min(1).max(64).optional().describe('remote: dịch vụ ký số từ xa (listRemoteSigningServices)'),
    credentialId: z.string().trim().min(1).max(200).optional().describe('remote: mã khóa ký số (credential ID) tại dịch vụ'),
    accessToken: z.string().trim().min(1).max(4096).optional().describe('remote: mã truy cập của người giữ khóa tại dịch vụ; được lưu đã mã hóa'),
    imageFileId: z.uuid().optional().describe('Ảnh chữ ký (màu xanh) hoặc ảnh con dấu (màu đỏ), PNG nền trong suốt, đã tải lên qua /api/files'),
    forExchange: z
      .boolean()
      .default(false)
      .describe('Chỉ với chứng thư số của cơ quan dạng tệp: cho phép hệ thống tự ký các thông điệp liên thông (edXML) gửi đi; mật khẩu được lưu đã mã hóa'),
  })
  .superRefine((v, ctx) => {
    if (v.forExchange && (v.kind !== 'organization' || v.provider !== 'pkcs12')) {
      ctx.addIssue({ code: 'custom', path: ['forExchange'], message: 'Chỉ chứng thư số của cơ quan dạng tệp mới dùng để tự ký thông điệp liên thông' });
    }
    const missing =
      v.provider === 'pkcs12'
        ? [!v.pkcs12 && required('pkcs12', 'Hãy chọn tệp chứng thư số (.p12, .pfx)'), !v.passphrase && required('passphrase', 'Hãy nhập mật khẩu của tệp chứng thư số')]
        : [
            !v.serviceId && required('serviceId', 'Hãy chọn dịch vụ ký số từ xa'),
            !v.credentialId && required('credentialId', 'Hãy nhập mã khóa ký số tại dịch vụ'),
            !v.accessToken && required('accessToken', 'Hãy nhập mã truy cập dịch vụ ký số từ xa'),
          ];
    for (const issue of missing) if (issue) ctx.addIssue({ code: 'custom', ...issue });
  });

export const RemoteSigningServiceResponse = z.object({ id: z.string(), name: z.string() });

export const CertificateResponse = z.object({
  id: z.uuid(),
  kind: z.enum(CERTIFICATE_KINDS),
  provider: z.enum(CERTIFICATE_PROVIDERS),
  remoteServiceName: z.string().nullable().describe('Tên dịch vụ ký số từ xa giữ khóa'),
  forExchange: z.boolean().describe('Hệ thống dùng chứng thư số này để tự ký thông điệp liên thông gửi đi'),
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
  passphrase: z.string().min(1).max(200).describe('Mật khẩu của tệp chứng thư số, hoặc mã PIN/OTP của khóa ký số từ xa; không được lưu'),
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
