import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { NO_EMAIL, type MailSettings } from '../../platform/notify/index.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { getDossier } from './detail.js';
import * as processing from './processing.js';
import {
  AdvanceRequest,
  AssignRequest,
  CompleteSupplementRequest,
  DossierListQuery,
  DossierListResponse,
  DossierParams,
  DossierResponse,
  DossierSummary,
  ExtensionRequest,
  QueueCountsResponse,
  ReasonRequest,
  ResultRequest,
  SupplementRequest,
} from './processing-schemas.js';
import { countDossierQueues, listDossiers } from './queues.js';

/** Processing of one-stop dossiers: queues, the dossier view, steps, supplements, extension, stop, result. */
/** `mail`: e-mail notices (SMTP configured) besides the in-app ones. */
export function processingRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; publicUrl?: string | undefined; mail?: MailSettings | undefined }) {
  const r = typed(app);
  const tags = ['Hồ sơ một cửa'];
  const { db } = deps;
  const mail = deps.mail ?? NO_EMAIL;
  const act = { tags, params: DossierParams, response: { 200: DossierResponse, ...problems(400, 401, 403, 404, 409) } };

  r.get('/api/dossiers', {
    schema: { operationId: 'listDossiers', summary: 'Hàng đợi hồ sơ: của tôi, của cơ quan, đến hạn hôm nay, quá hạn, chờ bổ sung, trực tuyến chờ tiếp nhận, theo điểm tiếp nhận, tất cả', tags, querystring: DossierListQuery, response: { 200: DossierListResponse, ...problems(400, 401, 403) } },
    handler: (req) => listDossiers(ctxOf(db, req), req.query),
  });
  r.get('/api/dossiers/queue-counts', {
    schema: { operationId: 'countDossierQueues', summary: 'Số hồ sơ trong từng hàng đợi của người dùng', tags, response: { 200: QueueCountsResponse, ...problems(401, 403) } },
    handler: (req) => countDossierQueues(ctxOf(db, req)),
  });
  r.get('/api/dossiers/:id', {
    schema: { operationId: 'getDossier', summary: 'Chi tiết hồ sơ: người nộp, thủ tục, thời hạn, thành phần, phiếu kiểm soát, diễn biến, bổ sung, gia hạn, phí, thao tác được phép', tags, params: DossierParams, response: { 200: DossierResponse, ...problems(401, 403, 404) } },
    handler: (req) => getDossier(ctxOf(db, req), req.params.id),
  });
  r.post('/api/dossiers/:id/advance', {
    schema: { operationId: 'advanceDossierStep', summary: 'Hoàn thành bước hiện tại và chuyển bước tiếp theo (ghi phiếu kiểm soát: trước hạn, đúng hạn, quá hạn); trả về hồ sơ dạng rút gọn', ...act, body: AdvanceRequest, response: { 200: DossierSummary, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => processing.advanceDossierStep(ctxOf(db, req), req.params.id, req.body, new Date(), mail),
  });
  r.post('/api/dossiers/:id/assignee', {
    schema: { operationId: 'assignDossier', summary: 'Phân công (hoặc tự nhận) người xử lý bước hiện tại', ...act, body: AssignRequest },
    handler: (req) => processing.assignDossier(ctxOf(db, req), req.params.id, req.body, new Date(), mail),
  });
  r.post('/api/dossiers/:id/supplements', {
    schema: { operationId: 'requestSupplement', summary: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (tạm dừng tính thời gian)', ...act, body: SupplementRequest },
    handler: (req) => processing.requestSupplement(ctxOf(db, req), req.params.id, req.body, new Date(), mail),
  });
  r.post('/api/dossiers/:id/supplements/complete', {
    schema: { operationId: 'completeSupplement', summary: 'Ghi nhận người nộp đã bổ sung hồ sơ (tiếp tục tính thời gian)', ...act, body: CompleteSupplementRequest },
    handler: (req) => processing.completeSupplement(ctxOf(db, req), req.params.id, req.body, new Date(), mail),
  });
  r.post('/api/dossiers/:id/extension', {
    schema: { operationId: 'extendDossier', summary: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (một lần, trước khi hết hạn)', ...act, body: ExtensionRequest },
    handler: (req) => processing.extendDossier(ctxOf(db, req), req.params.id, req.body, new Date(), mail),
  });
  r.post('/api/dossiers/:id/stop', {
    schema: { operationId: 'stopDossier', summary: 'Thông báo dừng giải quyết hồ sơ (lãnh đạo cơ quan giải quyết)', ...act, body: ReasonRequest },
    handler: (req) => processing.stopDossier(ctxOf(db, req), req.params.id, req.body),
  });
  r.post('/api/dossiers/:id/withdraw', {
    schema: { operationId: 'withdrawDossier', summary: 'Ghi nhận người nộp yêu cầu rút hồ sơ', ...act, body: ReasonRequest },
    handler: (req) => processing.withdrawDossier(ctxOf(db, req), req.params.id, req.body),
  });
  r.post('/api/dossiers/:id/result', {
    schema: { operationId: 'returnDossierResult', summary: 'Trả kết quả cho người nộp (sau khi đã xử lý xong, tại bước trả kết quả)', ...act, body: ResultRequest },
    handler: (req) => processing.returnDossierResult(ctxOf(db, req), req.params.id, req.body),
  });
}
