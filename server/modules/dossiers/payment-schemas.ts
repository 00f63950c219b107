import { z } from 'zod';
import { ONLINE_PAYMENT_CHANNELS } from './payment-gateway.js';
import { PAYMENT_CHANNELS, PAYMENT_STATES } from './tables.js';

export const DossierIdParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ') });

const Money = z.number().int('Số tiền tính bằng đồng, không có phần lẻ');

export const RecordPaymentRequest = z.object({
  kind: z.enum(['fee', 'charge']).describe('Phí (fee) hoặc lệ phí (charge)'),
  name: z.string().trim().min(1, 'Nhập tên khoản phí, lệ phí').max(300).describe('Tên khoản thu, ví dụ "Lệ phí đăng ký hộ kinh doanh"'),
  amount: Money.positive('Số tiền phải lớn hơn 0').max(10_000_000_000, 'Số tiền quá lớn').describe('Số tiền nộp bằng tiền mặt, đồng'),
});

export const PaymentResponse = z.object({
  id: z.uuid(),
  kind: z.enum(['fee', 'charge']),
  name: z.string(),
  amount: Money,
  channel: z.enum(PAYMENT_CHANNELS).describe('cash: tiền mặt tại quầy; national_platform: Nền tảng thanh toán của Cổng DVCQG; provincial_gateway: cổng thanh toán của tỉnh'),
  state: z.enum(PAYMENT_STATES),
  providerRef: z.string().nullable().describe('Mã giao dịch với bên thanh toán'),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
});

export const DossierFeesResponse = z.object({
  dossierId: z.uuid(),
  feesDue: Money.describe('Phí, lệ phí phải nộp (đồng)'),
  feesPaid: Money.describe('Đã nộp (đồng)'),
  outstanding: Money.describe('Còn phải nộp (đồng)'),
  paidOnline: z.number().int().describe('DuocThanhToanTrucTuyen: 0 không, 1 qua Cổng DVCQG, 2 qua cổng của tỉnh'),
  payments: z.array(PaymentResponse),
});

export const RecordPaymentResponse = z.object({ payment: PaymentResponse, fees: DossierFeesResponse });

export const TenantCodeParams = z.object({ tenantCode: z.string().min(1).max(50) });

export const StartOnlinePaymentRequest = z.object({
  code: z.string().trim().min(1, 'Nhập mã hồ sơ').max(100).describe('Mã hồ sơ trên giấy tiếp nhận'),
  contact: z.string().trim().min(6, 'Nhập số điện thoại hoặc số giấy tờ của người nộp').max(50).describe('Số điện thoại hoặc số CCCD/mã số thuế của người nộp'),
  channel: z.enum(ONLINE_PAYMENT_CHANNELS).default('national_platform'),
});

export const StartOnlinePaymentResponse = z.object({
  reference: z.string().describe('Mã thanh toán gửi cho bên thanh toán'),
  amount: Money,
  channel: z.enum(ONLINE_PAYMENT_CHANNELS),
  state: z.enum(PAYMENT_STATES),
  paymentUrl: z.string().describe('Trang thanh toán của bên thanh toán (bản thử nghiệm: địa chỉ nội bộ)'),
});

export const PaymentChannelParams = z.object({ channel: z.enum(ONLINE_PAYMENT_CHANNELS) });

export const ConfirmOnlinePaymentRequest = z.object({
  reference: z.string().min(1).max(100).describe('Mã thanh toán do hệ thống cấp khi bắt đầu'),
  transactionId: z.string().min(1).max(100).describe('Mã giao dịch của bên thanh toán'),
  amount: Money.positive(),
  status: z.enum(['paid', 'failed']),
  signature: z.string().min(1).max(200).describe('HMAC-SHA256 (hex) trên "v1|reference|transactionId|amount|status" với khóa bí mật của kênh'),
});

export const ConfirmOnlinePaymentResponse = z.object({
  reference: z.string(),
  state: z.enum(PAYMENT_STATES),
  dossierCode: z.string().nullable(),
  feesPaid: Money,
  outstanding: Money,
});
