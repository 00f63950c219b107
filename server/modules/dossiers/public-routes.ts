import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { DomainError } from '../../platform/http/errors.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import type { MailSettings } from '../../platform/notify/index.js';
import * as feedback from './feedback.js';
import {
  FeedbackActionResponse,
  FeedbackDetail,
  FeedbackListQuery,
  FeedbackListResponse,
  FeedbackParams,
  PublicFeedbackQuery,
  PublicFeedbackResponse,
  PublishedFeedbackQuery,
  PublishedFeedbackResponse,
  RateFeedbackAnswerRequest,
  RefuseFeedbackRequest,
  RequestFeedbackInfoRequest,
  ResolveFeedbackRequest,
  SubmitFeedbackRequest,
  SubmitFeedbackResponse,
  SupplyFeedbackInfoRequest,
} from './feedback-schemas.js';
import { lookupDossierPublic } from './lookup.js';
import { listPublicAgencies, ONLINE_UPLOAD_LIMITS, submitOnline } from './public.js';
import { LookupQuery, LookupResponse, OnlineSubmissionResponse, PublicAgenciesResponse, RateRequest, RateResponse, RatingCriteriaResponse, TenantParams } from './public-schemas.js';
import { RATING_CRITERIA, RATING_CRITERIA_LABELS, rateDossier } from './rating.js';

/**
 * Per address: the lookup is stricter than the public catalog (a code and a phone must not be guessable by
 * brute force), writes stricter still.
 */
const LOOKUP_RATE = { max: 30, timeWindow: '1 minute' };
const WRITE_RATE = { max: 10, timeWindow: '1 minute' };
const READ_RATE = { max: 120, timeWindow: '1 minute' };

/** The citizens' side (no login): lookup, rating, feedback, online submission; and officers' handling of feedback. */
export function dossierPublicRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; publicUrl?: string | undefined; mail?: MailSettings | undefined }) {
  const r = typed(app);
  const { db } = deps;
  // e-mails to feedback senders go out only when app.ts passes the mail settings (SMTP configured)
  const mail = { mail: deps.mail };
  const tags = ['Dịch vụ công cho người dân'];
  const desk = ['Phản ánh, kiến nghị'];
  const anon = (ip: string) => ({ db, ip });

  r.get('/api/public/dossiers/:tenantCode/lookup', {
    config: { public: true, rateLimit: LOOKUP_RATE },
    schema: { operationId: 'lookupDossierPublic', summary: 'Tra cứu hồ sơ bằng mã hồ sơ và số điện thoại hoặc số giấy tờ của người nộp (không cần đăng nhập)', tags, params: TenantParams, querystring: LookupQuery, response: { 200: LookupResponse, ...problems(400, 404, 429) } },
    handler: (req) => lookupDossierPublic(anon(req.ip), req.params.tenantCode, req.query),
  });

  r.get('/api/public/dossiers/rating-criteria', {
    config: { public: true, rateLimit: READ_RATE },
    schema: { operationId: 'listRatingCriteria', summary: 'Các tiêu chí đánh giá mức độ hài lòng (điểm 1–5)', tags, response: { 200: RatingCriteriaResponse, ...problems(429) } },
    handler: async () => RATING_CRITERIA.map((key) => ({ key, label: RATING_CRITERIA_LABELS[key] })),
  });

  r.get('/api/public/dossiers/:tenantCode/agencies', {
    config: { public: true, rateLimit: READ_RATE },
    schema: { operationId: 'listPublicAgencies', summary: 'Các sở, Trung tâm và xã, phường, đặc khu (chọn nơi giải quyết hồ sơ cấp xã, nơi nhận phản ánh)', tags, params: TenantParams, response: { 200: PublicAgenciesResponse, ...problems(404, 429) } },
    handler: (req) => listPublicAgencies(anon(req.ip), req.params.tenantCode),
  });

  r.post('/api/public/dossiers/:tenantCode/rating', {
    config: { public: true, rateLimit: LOOKUP_RATE },
    schema: { operationId: 'rateDossier', summary: 'Đánh giá mức độ hài lòng sau khi có kết quả (một lần cho mỗi hồ sơ)', tags, params: TenantParams, body: RateRequest, response: { 201: RateResponse, ...problems(400, 404, 409, 429) } },
    handler: async (req, reply) => reply.code(201).send(await rateDossier(anon(req.ip), req.params.tenantCode, req.body)),
  });

  r.post('/api/public/dossiers/:tenantCode', {
    config: { public: true, rateLimit: WRITE_RATE },
    schema: {
      operationId: 'submitOnlineDossier',
      summary: 'Nộp hồ sơ trực tuyến (multipart: trường "data" JSON và mỗi thành phần một tệp "component.<mã thành phần>")',
      description: `Chỉ thủ tục có dịch vụ công trực tuyến toàn trình hoặc một phần. Tệp PDF, ảnh hoặc DOCX, tối đa ${ONLINE_UPLOAD_LIMITS.maxFiles} tệp, mỗi tệp ${ONLINE_UPLOAD_LIMITS.maxBytes / 1024 / 1024} MB; loại tệp nhận diện từ nội dung. Trả về mã tham chiếu để tra cứu; mã hồ sơ được cấp khi cơ quan tiếp nhận.`,
      tags,
      consumes: ['multipart/form-data'],
      params: TenantParams,
      response: { 201: OnlineSubmissionResponse, ...problems(400, 404, 409, 413, 415, 429) },
    },
    handler: async (req, reply) => {
      if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Gửi hồ sơ dạng multipart/form-data');
      const parts = req.parts({ limits: { files: ONLINE_UPLOAD_LIMITS.maxFiles, fileSize: ONLINE_UPLOAD_LIMITS.maxBytes + 1, fields: 5, parts: ONLINE_UPLOAD_LIMITS.maxFiles + 5 } });
      return reply.code(201).send(await submitOnline(anon(req.ip), deps.store, req.params.tenantCode, parts, deps.mail));
    },
  });

  r.post('/api/public/feedback/:tenantCode', {
    config: { public: true, rateLimit: WRITE_RATE },
    schema: { operationId: 'submitFeedback', summary: 'Gửi phản ánh, kiến nghị (không cần đăng nhập); trả về mã để theo dõi', tags, params: TenantParams, body: SubmitFeedbackRequest, response: { 201: SubmitFeedbackResponse, ...problems(400, 404, 429) } },
    handler: async (req, reply) => reply.code(201).send(await feedback.submitFeedback(anon(req.ip), req.params.tenantCode, req.body, mail)),
  });

  r.get('/api/public/feedback/:tenantCode/lookup', {
    config: { public: true, rateLimit: LOOKUP_RATE },
    schema: { operationId: 'getFeedbackPublic', summary: 'Theo dõi phản ánh, kiến nghị bằng mã và số điện thoại người gửi', tags, params: TenantParams, querystring: PublicFeedbackQuery, response: { 200: PublicFeedbackResponse, ...problems(400, 404, 429) } },
    handler: (req) => feedback.getFeedbackPublic(anon(req.ip), req.params.tenantCode, req.query),
  });

  r.post('/api/public/feedback/:tenantCode/information', {
    config: { public: true, rateLimit: WRITE_RATE },
    schema: { operationId: 'supplyFeedbackInfo', summary: 'Người gửi bổ sung thông tin theo đề nghị của cơ quan xử lý', tags, params: TenantParams, body: SupplyFeedbackInfoRequest, response: { 200: PublicFeedbackResponse, ...problems(400, 404, 409, 429) } },
    handler: (req) => feedback.supplyFeedbackInfo(anon(req.ip), req.params.tenantCode, req.body),
  });

  r.post('/api/public/feedback/:tenantCode/satisfaction', {
    config: { public: true, rateLimit: WRITE_RATE },
    schema: { operationId: 'rateFeedbackAnswer', summary: 'Người gửi cho biết hài lòng hay không với trả lời (một lần)', tags, params: TenantParams, body: RateFeedbackAnswerRequest, response: { 200: PublicFeedbackResponse, ...problems(400, 404, 409, 429) } },
    handler: (req) => feedback.rateFeedbackAnswer(anon(req.ip), req.params.tenantCode, req.body),
  });

  r.get('/api/public/feedback/:tenantCode', {
    config: { public: true, rateLimit: READ_RATE },
    schema: { operationId: 'listPublishedFeedback', summary: 'Kết quả giải quyết phản ánh, kiến nghị đã công khai', tags, params: TenantParams, querystring: PublishedFeedbackQuery, response: { 200: PublishedFeedbackResponse, ...problems(400, 404, 429) } },
    handler: (req) => feedback.listPublishedFeedback(anon(req.ip), req.params.tenantCode, req.query),
  });

  r.get('/api/feedback', {
    schema: { operationId: 'listFeedback', summary: 'Phản ánh, kiến nghị cơ quan phải xử lý, với hạn của việc đang chờ', tags: desk, querystring: FeedbackListQuery, response: { 200: FeedbackListResponse, ...problems(400, 401, 403) } },
    handler: (req) => feedback.listFeedback(ctxOf(db, req), req.query),
  });

  r.get('/api/feedback/:id', {
    schema: { operationId: 'getFeedback', summary: 'Chi tiết phản ánh, kiến nghị: nội dung, người gửi, hạn từng việc, việc được làm', tags: desk, params: FeedbackParams, response: { 200: FeedbackDetail, ...problems(401, 403, 404) } },
    handler: (req) => feedback.getFeedback(ctxOf(db, req), req.params.id),
  });

  r.post('/api/feedback/:id/refuse', {
    schema: { operationId: 'refuseFeedback', summary: 'Từ chối xử lý phản ánh (hạn 2 ngày làm việc)', tags: desk, params: FeedbackParams, body: RefuseFeedbackRequest, response: { 200: FeedbackActionResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => feedback.refuseFeedback(ctxOf(db, req), req.params.id, req.body, mail),
  });

  r.post('/api/feedback/:id/request-info', {
    schema: { operationId: 'requestFeedbackInfo', summary: 'Đề nghị người gửi bổ sung thông tin (hạn 5 ngày làm việc)', tags: desk, params: FeedbackParams, body: RequestFeedbackInfoRequest, response: { 200: FeedbackActionResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => feedback.requestFeedbackInfo(ctxOf(db, req), req.params.id, req.body, mail),
  });

  r.post('/api/feedback/:id/resolve', {
    schema: { operationId: 'resolveFeedback', summary: 'Giải quyết, trả lời phản ánh (hạn 15 ngày làm việc)', tags: desk, params: FeedbackParams, body: ResolveFeedbackRequest, response: { 200: FeedbackActionResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => feedback.resolveFeedback(ctxOf(db, req), req.params.id, req.body, mail),
  });

  r.post('/api/feedback/:id/publish', {
    schema: { operationId: 'publishFeedback', summary: 'Công khai kết quả giải quyết (hạn 2 ngày làm việc sau khi giải quyết)', tags: desk, params: FeedbackParams, response: { 200: FeedbackActionResponse, ...problems(401, 403, 404, 409) } },
    handler: (req) => feedback.publishFeedback(ctxOf(db, req), req.params.id, mail),
  });
}
