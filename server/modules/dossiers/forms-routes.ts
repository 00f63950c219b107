import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { contentDisposition } from '../../platform/files/routes.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { DossierFormParams, DossierFormQuery, IntakeSlipParams, LedgerQuery } from './forms/schemas.js';
import * as forms from './forms/service.js';

/** The official forms of a dossier (Circular 03/2025 and 01/2018) as PDF. */
export function dossierFormRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; publicUrl?: string | undefined }) {
  const r = typed(app);
  const tags = ['Hồ sơ một cửa'];
  const { db } = deps;
  /** Where the public pages live: PUBLIC_URL when set, else the address this request came to. */
  const baseUrl = (req: FastifyRequest) => deps.publicUrl ?? `${req.protocol}://${req.host}`;
  const send = (reply: FastifyReply, file: forms.RenderedFile) =>
    reply
      .header('content-type', file.mime)
      .header('content-disposition', contentDisposition(file.mime === 'application/pdf' ? 'inline' : 'attachment', file.name))
      .header('cache-control', 'private, no-store')
      .send(file.bytes);

  r.get('/api/dossiers/:id/forms/:form', {
    schema: {
      operationId: 'getDossierForm',
      summary: 'In biểu mẫu của hồ sơ (PDF, theo bộ mẫu Thông tư 03/2025 hoặc 01/2018 của hồ sơ): giấy tiếp nhận và hẹn trả, phiếu bổ sung, phiếu từ chối, văn bản xin lỗi và gia hạn, thông báo dừng, phiếu kiểm soát',
      tags,
      params: DossierFormParams,
      querystring: DossierFormQuery,
      response: { 200: z.unknown().describe('Tệp PDF'), ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) => send(reply, await forms.getDossierForm(ctxOf(db, req), req.params.id, req.params.form, { itemId: req.query.itemId, baseUrl: baseUrl(req) })),
  });

  r.get('/api/dossiers/intake-slips/:id/pdf', {
    schema: {
      operationId: 'getIntakeSlipForm',
      summary: 'In phiếu hướng dẫn bổ sung, hoàn thiện hồ sơ (mẫu 02) hoặc phiếu từ chối tiếp nhận (mẫu 03) đã lập tại quầy (PDF)',
      tags,
      params: IntakeSlipParams,
      response: { 200: z.unknown().describe('Tệp PDF'), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => send(reply, await forms.getIntakeSlipForm(ctxOf(db, req), req.params.id)),
  });

  r.get('/api/dossiers/ledger', {
    schema: {
      operationId: 'getDossierLedger',
      summary: 'In, xuất sổ theo dõi hồ sơ trong kỳ (tối đa một năm) của một nơi tiếp nhận hoặc cơ quan, PDF khổ A4 hoặc Excel',
      tags,
      querystring: LedgerQuery,
      response: { 200: z.unknown().describe('Tệp PDF hoặc XLSX'), ...problems(400, 401, 403) },
    },
    handler: async (req, reply) => send(reply, await forms.getDossierLedger(ctxOf(db, req), req.query)),
  });
}
