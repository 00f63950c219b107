import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import { DomainError } from '../../platform/http/errors.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import type { SigningKeys } from './keyring.js';
import { AddCertificateRequest, AddTrustAnchorRequest, CertificateResponse, RemoteSigningServiceResponse, TrustAnchorResponse, VerificationResponse } from './schemas.js';
import * as signing from './service.js';

const IdParams = z.object({ id: z.uuid() });

export function signingRoutes(app: FastifyInstance, deps: { db: Db; keys: SigningKeys; maxBytes: number }) {
  const r = typed(app);
  const { db } = deps;
  const tags = ['Ký số'];

  r.get('/api/signing/certificates', {
    schema: { operationId: 'listSigningCertificates', summary: 'Chứng thư số của tôi (và của cơ quan, với văn thư)', tags, response: { 200: z.object({ items: z.array(CertificateResponse) }), ...problems(401) } },
    handler: async (req) => ({ items: await signing.listCertificates(ctxOf(db, req), deps.keys) }),
  });

  r.get('/api/signing/remote-services', {
    schema: {
      operationId: 'listRemoteSigningServices',
      summary: 'Các dịch vụ ký số từ xa (ký số trên đám mây của tổ chức cung cấp dịch vụ chứng thực) máy chủ được cấu hình để dùng',
      tags,
      response: { 200: z.object({ items: z.array(RemoteSigningServiceResponse) }), ...problems(401) },
    },
    handler: async (req) => {
      ctxOf(db, req);
      return { items: signing.listRemoteSigningServices(deps.keys) };
    },
  });

  r.post('/api/signing/certificates', {
    schema: {
      operationId: 'addSigningCertificate',
      summary: 'Thêm chứng thư số (tệp PKCS#12, hoặc khóa ở dịch vụ ký số từ xa): cá nhân của người ký, hoặc của cơ quan',
      description:
        'Tệp được mở bằng mật khẩu để kiểm tra rồi lưu đã mã hóa; mật khẩu không được lưu và sẽ được hỏi lại mỗi lần ký. Khóa ký số từ xa: máy chủ lấy chứng thư số từ dịch vụ bằng mã truy cập (lưu đã mã hóa); mã PIN/OTP được hỏi mỗi lần ký.',
      tags,
      body: AddCertificateRequest,
      response: { 201: CertificateResponse, ...problems(400, 401, 403, 502) },
    },
    handler: async (req, reply) => reply.code(201).send(await signing.addCertificate(ctxOf(db, req), deps.keys, req.body)),
  });

  r.delete('/api/signing/certificates/:id', {
    schema: { operationId: 'removeSigningCertificate', summary: 'Gỡ chứng thư số (không dùng để ký nữa)', tags, params: IdParams, response: { 204: z.null(), ...problems(401, 403, 404) } },
    handler: async (req, reply) => {
      await signing.removeCertificate(ctxOf(db, req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/signing/trust-anchors', {
    schema: { operationId: 'listTrustAnchors', summary: 'Kho tin cậy: chứng thư số CA gốc, trung gian và danh sách thu hồi', tags, response: { 200: z.object({ items: z.array(TrustAnchorResponse) }), ...problems(401, 403) } },
    handler: async (req) => ({ items: await signing.listTrustAnchors(ctxOf(db, req)) }),
  });

  r.post('/api/signing/trust-anchors', {
    schema: {
      operationId: 'addTrustAnchor',
      summary: 'Thêm chứng thư số CA (gốc hoặc trung gian) hoặc danh sách thu hồi (CRL) vào kho tin cậy',
      tags,
      body: AddTrustAnchorRequest,
      response: { 201: TrustAnchorResponse, ...problems(400, 401, 403, 409) },
    },
    handler: async (req, reply) => reply.code(201).send(await signing.addTrustAnchor(ctxOf(db, req), req.body)),
  });

  r.delete('/api/signing/trust-anchors/:id', {
    schema: { operationId: 'removeTrustAnchor', summary: 'Gỡ một mục khỏi kho tin cậy', tags, params: IdParams, response: { 204: z.null(), ...problems(401, 403, 404) } },
    handler: async (req, reply) => {
      await signing.removeTrustAnchor(ctxOf(db, req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  r.post('/api/signing/verify', {
    schema: {
      operationId: 'verifyPdfSignatures',
      summary: 'Kiểm tra chữ ký số của một tệp PDF bất kỳ (multipart/form-data, trường "file")',
      description: 'Mỗi chữ ký: người ký, tổ chức cấp, thời điểm ký, nội dung còn nguyên vẹn, chuỗi đến CA tin cậy của tỉnh, hiệu lực tại thời điểm ký, thu hồi (CRL), có bị thêm nội dung sau khi ký. Tệp không được lưu.',
      tags,
      consumes: ['multipart/form-data'],
      response: { 200: VerificationResponse, ...problems(400, 401, 413, 415) },
    },
    handler: async (req) => {
      if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Gửi tệp PDF dạng multipart/form-data, trường "file"');
      const part = await req.file({ limits: { fileSize: deps.maxBytes + 1, files: 1 } });
      if (!part) throw new DomainError('FILE_MISSING');
      const bytes = await signing.readAll(part.file);
      if (part.file.truncated || bytes.length > deps.maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE');
      return signing.verifyPdf(ctxOf(db, req), bytes);
    },
  });
}
