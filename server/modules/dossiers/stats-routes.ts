import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { contentDisposition } from '../../platform/files/routes.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { exportDossiersNational } from './national-sync.js';
import { FileNationalPortal } from './national-sync-file.js';
import { NationalSyncRequest } from './national-sync-schemas.js';
import { type OnlinePaymentChannel, paymentSecret, TestPaymentGateway } from './payment-gateway.js';
import {
  ConfirmOnlinePaymentRequest,
  ConfirmOnlinePaymentResponse,
  DossierFeesResponse,
  DossierIdParams,
  PaymentChannelParams,
  RecordPaymentRequest,
  RecordPaymentResponse,
  StartOnlinePaymentRequest,
  StartOnlinePaymentResponse,
  TenantCodeParams,
} from './payment-schemas.js';
import { confirmOnlinePayment, listDossierPayments, recordDossierPayment, startOnlinePayment } from './payments.js';
import { getDossierStats } from './stats.js';
import { dossierStatsXlsx } from './stats-export.js';
import { DossierStatsQuery, DossierStatsResponse } from './stats-schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PUBLIC_RATE = { max: 60, timeWindow: '1 minute' };
const CALLBACK_RATE = { max: 600, timeWindow: '1 minute' };

export interface DossierStatsDeps {
  db: Db;
  store: BlobStore;
  publicUrl?: string | undefined;
  /** the deployment's auth secret, from which the payment callbacks' secrets are derived */
  authSecret?: string | undefined;
  /** where the file implementation of the national portal writes (NATIONAL_SYNC_DIR, else the temp directory) */
  nationalSyncDir?: string | undefined;
}

/**
 * Until app.ts passes the auth secret: SESSION_SECRET (production refuses to start without it), else a random
 * secret of this process — online payments then confirm only on the instance that started them.
 */
const fallbackSecret = () => process.env.SESSION_SECRET ?? (processSecret ??= randomBytes(32).toString('base64url'));
let processSecret: string | undefined;

/** Dossier statistics, the export to the national portal, and fees and payments. */
export function dossierStatsRoutes(app: FastifyInstance, deps: DossierStatsDeps) {
  const r = typed(app);
  const { db } = deps;
  const tags = ['Thống kê hồ sơ, đồng bộ, thanh toán'];
  const baseUrl = (req: FastifyRequest) => deps.publicUrl ?? `${req.protocol}://${req.host}`;
  const gatewayFor = (req: FastifyRequest) => (channel: OnlinePaymentChannel) => new TestPaymentGateway(channel, paymentSecret(deps.authSecret ?? fallbackSecret(), channel), baseUrl(req));
  const portal = () => new FileNationalPortal(deps.nationalSyncDir ?? process.env.NATIONAL_SYNC_DIR ?? path.join(tmpdir(), 'vanphongso-national-sync'));

  r.get('/api/dossiers/stats', {
    schema: {
      operationId: 'getDossierStats',
      summary: 'Thống kê hồ sơ trong kỳ theo cơ quan, thủ tục, cấp hoặc nơi tiếp nhận: tiếp nhận theo kênh, giải quyết trước/đúng/quá hạn, tồn, tỷ lệ trực tuyến, số hóa, tái sử dụng, phản ánh kiến nghị, mức độ hài lòng',
      tags,
      querystring: DossierStatsQuery,
      response: { 200: DossierStatsResponse, ...problems(400, 401, 403) },
    },
    handler: (req) => getDossierStats(ctxOf(db, req), req.query),
  });

  r.get('/api/dossiers/stats/export', {
    schema: { operationId: 'exportDossierStats', summary: 'Xuất thống kê hồ sơ ra Excel (.xlsx)', tags, querystring: DossierStatsQuery, response: { 200: z.unknown().describe('Tệp Excel'), ...problems(400, 401, 403) } },
    handler: async (req, reply) => {
      const stats = await getDossierStats(ctxOf(db, req), req.query);
      const bytes = await dossierStatsXlsx(stats);
      return reply.header('content-type', XLSX).header('content-disposition', contentDisposition('attachment', `thong-ke-ho-so-${stats.from}-${stats.to}.xlsx`)).header('cache-control', 'private, no-store').send(bytes);
    },
  });

  r.post('/api/dossiers/national-sync', {
    schema: {
      operationId: 'exportDossiersNational',
      summary: 'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia (bản ghi tệp JSON theo tên trường của Cổng): hồ sơ thay đổi từ lần trước hoặc tiếp nhận trong kỳ; tải tệp về',
      tags,
      body: NationalSyncRequest,
      response: { 200: z.unknown().describe('Tệp JSON; tiêu đề x-dossier-count: số hồ sơ, x-more-remaining: còn hồ sơ chờ đồng bộ'), ...problems(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const result = await exportDossiersNational(ctxOf(db, req), req.body, portal(), baseUrl(req));
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', result.fileName))
        .header('x-dossier-count', String(result.count))
        .header('x-more-remaining', String(result.remaining))
        .header('cache-control', 'private, no-store')
        .send(result.bytes);
    },
  });

  r.get('/api/dossiers/:id/payments', {
    schema: { operationId: 'listDossierPayments', summary: 'Phí, lệ phí phải nộp, đã nộp và các lần thanh toán của hồ sơ', tags, params: DossierIdParams, response: { 200: DossierFeesResponse, ...problems(400, 401, 403, 404) } },
    handler: (req) => listDossierPayments(ctxOf(db, req), req.params.id),
  });

  r.post('/api/dossiers/:id/payments', {
    schema: {
      operationId: 'recordDossierPayment',
      summary: 'Ghi nhận thu phí, lệ phí bằng tiền mặt tại quầy (cán bộ một cửa nơi tiếp nhận hồ sơ); không vượt quá số còn phải nộp',
      tags,
      params: DossierIdParams,
      body: RecordPaymentRequest,
      response: { 201: RecordPaymentResponse, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.code(201).send(await recordDossierPayment(ctxOf(db, req), req.params.id, req.body)),
  });

  r.post('/api/public/dossiers/:tenantCode/payments', {
    config: { public: true, rateLimit: PUBLIC_RATE },
    schema: {
      operationId: 'startOnlinePayment',
      summary: 'Người nộp bắt đầu thanh toán trực tuyến phí, lệ phí còn phải nộp của hồ sơ (mã hồ sơ + số điện thoại hoặc số giấy tờ); trả về trang thanh toán',
      tags,
      params: TenantCodeParams,
      body: StartOnlinePaymentRequest,
      response: { 201: StartOnlinePaymentResponse, ...problems(400, 404, 409, 429) },
    },
    handler: async (req, reply) => {
      const returnUrl = `${baseUrl(req)}/cong-khai/dich-vu-cong/${encodeURIComponent(req.params.tenantCode)}`;
      return reply.code(201).send(await startOnlinePayment({ db, ip: req.ip }, req.params.tenantCode, req.body, gatewayFor(req), returnUrl));
    },
  });

  r.post('/api/public/payments/:channel/callback', {
    config: { public: true, rateLimit: CALLBACK_RATE },
    schema: {
      operationId: 'confirmOnlinePayment',
      summary: 'Bên thanh toán báo kết quả giao dịch (có chữ ký HMAC); gọi lại nhiều lần cho cùng giao dịch không ghi nhận hai lần',
      tags,
      params: PaymentChannelParams,
      body: ConfirmOnlinePaymentRequest,
      response: { 200: ConfirmOnlinePaymentResponse, ...problems(400, 404, 409, 429) },
    },
    handler: (req) => confirmOnlinePayment({ db, ip: req.ip }, req.params.channel, req.body, gatewayFor(req)(req.params.channel)),
  });
}
