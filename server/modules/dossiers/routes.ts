import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { type MailSettings, NO_EMAIL } from '../../platform/notify/index.js';
import { getIntakeSlip, listReusableResults, receiveDossier } from './intake.js';
import { acceptOnlineDossier, refuseOnlineDossier } from './intake-online.js';
import {
  AcceptOnlineDossierRequest,
  IdParams,
  IntakeSlipResponse,
  ReceiveDossierRequest,
  ReceiveDossierResponse,
  RefuseOnlineDossierRequest,
  ReusableResultsQuery,
  ReusableResultsResponse,
} from './intake-schemas.js';
import { processingRoutes } from './processing-routes.js';

/** One-stop dossiers: intake, processing steps, supplements, results, queues. */
export function dossierRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; publicUrl?: string | undefined; mail?: MailSettings | undefined }) {
  const r = typed(app);
  const tags = ['Hồ sơ một cửa'];
  const { db } = deps;
  const options = { mail: deps.mail ?? NO_EMAIL };

  r.post('/api/dossiers', {
    schema: { operationId: 'receiveDossier', summary: 'Tiếp nhận hồ sơ tại quầy hoặc qua bưu chính: tiếp nhận (mã hồ sơ, ngày hẹn), hướng dẫn bổ sung (mẫu 02) hoặc từ chối (mẫu 03)', tags, body: ReceiveDossierRequest, response: { 201: ReceiveDossierResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: async (req, reply) => reply.code(201).send(await receiveDossier(ctxOf(db, req), req.body, options)),
  });
  r.get('/api/dossiers/reusable-results', {
    schema: { operationId: 'listReusableResults', summary: 'Kết quả đã số hóa của các hồ sơ trước của người nộp (để dùng lại)', tags, querystring: ReusableResultsQuery, response: { 200: ReusableResultsResponse, ...problems(400, 401, 403) } },
    handler: (req) => listReusableResults(ctxOf(db, req), req.query),
  });
  r.get('/api/dossiers/intake-slips/:id', {
    schema: { operationId: 'getIntakeSlip', summary: 'Phiếu hướng dẫn bổ sung, hoàn thiện hoặc phiếu từ chối tiếp nhận (để in)', tags, params: IdParams, response: { 200: IntakeSlipResponse, ...problems(401, 403, 404) } },
    handler: (req) => getIntakeSlip(ctxOf(db, req), req.params.id),
  });
  r.post('/api/dossiers/:id/accept', {
    schema: { operationId: 'acceptOnlineDossier', summary: 'Tiếp nhận hồ sơ nộp trực tuyến: cấp mã, hẹn trả, chuyển xử lý', tags, params: IdParams, body: AcceptOnlineDossierRequest, response: { 200: ReceiveDossierResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => acceptOnlineDossier(ctxOf(db, req), req.params.id, req.body, options),
  });
  r.post('/api/dossiers/:id/refuse', {
    schema: { operationId: 'refuseOnlineDossier', summary: 'Từ chối tiếp nhận hồ sơ nộp trực tuyến (phiếu từ chối, mẫu 03)', tags, params: IdParams, body: RefuseOnlineDossierRequest, response: { 200: ReceiveDossierResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => refuseOnlineDossier(ctxOf(db, req), req.params.id, req.body, options),
  });

  processingRoutes(app, deps);
}
