import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import { contentDisposition } from '../../platform/files/routes.js';
import { DomainError } from '../../platform/http/errors.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { getOfficeDashboard } from './dashboard.js';
import { listStatsDocuments, listStatsDossiers } from './drill.js';
import { StatsDocumentList, StatsDocumentsQuery, StatsDossierList, StatsDossiersQuery } from './drill-schemas.js';
import { dashboardXlsx, serviceIndexXlsx } from './export.js';
import { importNationalRanking, MAX_RANKING_BYTES } from './ranking.js';
import { generatePeriodicReport } from './report-service.js';
import { NationalRankingResponse, OfficeDashboard, ReportRequest, ServiceIndexResponse, ServiceIndexSnapshots, SnapshotQuery, StatsQuery } from './schemas.js';
import { getServiceIndex, listServiceIndexSnapshots } from './service-index-service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The leadership dashboard, the service index of Decision 766, the national ranking and the periodic report (issue 7). */
export function statsRoutes(app: FastifyInstance, deps: { db: Db }) {
  const r = typed(app);
  const { db } = deps;
  const tags = ['Bảng điều hành, Chỉ số 766, báo cáo'];

  r.get('/api/stats/dashboard', {
    schema: {
      operationId: 'getOfficeDashboard',
      summary: 'Bảng điều hành: văn bản đến/đi, họp và đoàn công tác, nhiệm vụ, thủ tục, hồ sơ, Chỉ số 766 của một kỳ, toàn tỉnh hoặc một cơ quan; theo tháng và theo cơ quan',
      tags,
      querystring: StatsQuery,
      response: { 200: OfficeDashboard, ...problems(400, 401, 403) },
    },
    handler: (req) => getOfficeDashboard(ctxOf(db, req), req.query),
  });

  r.get('/api/stats/dashboard/export', {
    schema: { operationId: 'exportOfficeDashboard', summary: 'Xuất bảng điều hành ra Excel (.xlsx)', tags, querystring: StatsQuery, response: { 200: z.unknown().describe('Tệp Excel'), ...problems(400, 401, 403) } },
    handler: async (req, reply) => {
      const d = await getOfficeDashboard(ctxOf(db, req), req.query);
      const bytes = await dashboardXlsx(d);
      return reply.header('content-type', XLSX).header('content-disposition', contentDisposition('attachment', `bang-dieu-hanh-${d.period.from}-${d.period.to}.xlsx`)).header('cache-control', 'private, no-store').send(bytes);
    },
  });

  r.get('/api/stats/dossiers', {
    schema: {
      operationId: 'listStatsDossiers',
      summary: 'Danh sách hồ sơ đứng sau một số liệu hồ sơ của bảng điều hành (tiếp nhận, trực tuyến, đã giải quyết, trước hạn, đúng hạn, quá hạn, đang giải quyết còn hạn/quá hạn), cùng kỳ và phạm vi',
      tags,
      querystring: StatsDossiersQuery,
      response: { 200: StatsDossierList, ...problems(400, 401, 403) },
    },
    handler: (req) => listStatsDossiers(ctxOf(db, req), req.query),
  });

  r.get('/api/stats/documents', {
    schema: {
      operationId: 'listStatsDocuments',
      summary: 'Danh sách văn bản đến đã vào sổ hoặc văn bản đi đã phát hành trong kỳ, đúng như bảng điều hành đếm',
      tags,
      querystring: StatsDocumentsQuery,
      response: { 200: StatsDocumentList, ...problems(400, 401, 403) },
    },
    handler: (req) => listStatsDocuments(ctxOf(db, req), req.query),
  });

  r.get('/api/stats/service-index', {
    schema: {
      operationId: 'getServiceIndex',
      summary: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) tính từ dữ liệu của hệ thống: 6 nhóm, từng chỉ tiêu, chỉ tiêu yếu nhất, điểm có thể tăng, thứ hạng, từng sở và xã',
      tags,
      querystring: StatsQuery,
      response: { 200: ServiceIndexResponse, ...problems(400, 401, 403) },
    },
    handler: (req) => getServiceIndex(ctxOf(db, req), req.query),
  });

  r.get('/api/stats/service-index/export', {
    schema: { operationId: 'exportServiceIndex', summary: 'Xuất Bộ chỉ số 766 (từng chỉ tiêu, từng đơn vị) ra Excel (.xlsx)', tags, querystring: StatsQuery, response: { 200: z.unknown().describe('Tệp Excel'), ...problems(400, 401, 403) } },
    handler: async (req, reply) => {
      const result = await getServiceIndex(ctxOf(db, req), req.query);
      const bytes = await serviceIndexXlsx(result);
      return reply.header('content-type', XLSX).header('content-disposition', contentDisposition('attachment', `chi-so-766-${result.period.from}-${result.period.to}.xlsx`)).header('cache-control', 'private, no-store').send(bytes);
    },
  });

  r.get('/api/stats/service-index/snapshots', {
    schema: { operationId: 'listServiceIndexSnapshots', summary: 'Điểm Bộ chỉ số 766 chốt cuối mỗi tháng (toàn tỉnh hoặc một cơ quan)', tags, querystring: SnapshotQuery, response: { 200: ServiceIndexSnapshots, ...problems(400, 401, 403) } },
    handler: (req) => listServiceIndexSnapshots(ctxOf(db, req), req.query),
  });

  r.post('/api/stats/national-ranking', {
    schema: {
      operationId: 'importNationalRanking',
      summary: 'Nhập bảng xếp hạng Bộ chỉ số 766 của các tỉnh, thành phố (multipart: tệp .xlsx/.csv ở trường "file" với các cột Hạng, Tỉnh thành phố, Điểm; trường "asOf" là ngày công bố)',
      tags,
      consumes: ['multipart/form-data'],
      response: { 201: NationalRankingResponse, ...problems(400, 401, 403, 413, 415) },
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(db, req);
      requirePermission(ctx.actor, 'stats.manage');
      if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Gửi tệp dạng multipart/form-data, trường "file"');
      let asOf = '';
      let bytes: Buffer | null = null;
      for await (const part of req.parts({ limits: { fileSize: MAX_RANKING_BYTES + 1, files: 1, fields: 4 } })) {
        if (part.type === 'field' && part.fieldname === 'asOf') asOf = String(part.value).trim();
        if (part.type === 'file') {
          bytes = await part.toBuffer().catch(() => {
            throw new DomainError('FILE_TOO_LARGE', 'Tệp bảng xếp hạng tối đa 2 MB');
          });
          if (part.file.truncated || bytes.length > MAX_RANKING_BYTES) throw new DomainError('FILE_TOO_LARGE', 'Tệp bảng xếp hạng tối đa 2 MB');
        }
      }
      if (!bytes) throw new DomainError('FILE_MISSING');
      if (bytes.length === 0) throw new DomainError('FILE_EMPTY');
      return reply.code(201).send(await importNationalRanking(ctx, { asOf, bytes }));
    },
  });

  r.post('/api/stats/reports/periodic', {
    schema: {
      operationId: 'generatePeriodicReport',
      summary: 'Tạo báo cáo sơ kết/tổng kết của một kỳ (DOCX để chỉnh sửa hoặc PDF) theo thể thức Nghị định 30/2020, từ số liệu của hệ thống',
      tags,
      body: ReportRequest,
      response: { 200: z.unknown().describe('Tệp DOCX hoặc PDF'), ...problems(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const report = await generatePeriodicReport(ctxOf(db, req), req.body);
      return reply
        .header('content-type', req.body.format === 'pdf' ? 'application/pdf' : DOCX)
        .header('content-disposition', contentDisposition('attachment', report.name))
        .header('cache-control', 'private, no-store')
        .send(report.bytes);
    },
  });
}
