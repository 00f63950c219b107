import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { DomainError } from '../../platform/http/errors.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { readAll, type CertificateSealer, type SigningKeys } from '../signing/index.js';
import { readVerified } from '../../platform/files/service.js';
import { contentDisposition } from '../../platform/files/routes.js';
import { AddPeerRequest, ExchangeListQuery, ExchangeMessageResponse, ImportResponse, InboxResponse, OutboxItemResponse, OutboxQuery, PeerResponse, RegisterExchangeRequest, RejectExchangeRequest } from './schemas.js';
import * as exchange from './service.js';
import * as peers from './peers.js';
import * as transport from './transport.js';

export function exchangeRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; maxBytes: number; peerSealer: CertificateSealer; keys: SigningKeys }) {
  const r = typed(app);
  const { db } = deps;
  const tags = ['Liên thông văn bản'];

  r.post('/api/exchange/messages/import', {
    schema: {
      operationId: 'importEdxml',
      summary: 'Nhận một thông điệp edXML (QCVN 102:2016) từ tệp (multipart/form-data, trường "file"); văn thư vào sổ sau',
      description: 'Thông điệp cùng DocumentId đã nhận thì không lưu lại (duplicate=true). Tệp đính kèm chỉ được giữ khi nội dung là PDF, DOCX hoặc ảnh.',
      tags,
      consumes: ['multipart/form-data'],
      response: { 201: ImportResponse, 200: ImportResponse, ...problems(400, 401, 403, 413, 415) },
    },
    handler: async (req, reply) => {
      if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Gửi tệp edXML dạng multipart/form-data, trường "file"');
      const part = await req.file({ limits: { fileSize: deps.maxBytes + 1, files: 1 } });
      if (!part) throw new DomainError('FILE_MISSING');
      const bytes = await readAll(part.file);
      if (part.file.truncated || bytes.length > deps.maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE');
      const result = await exchange.importEdxml(ctxOf(db, req), deps.store, bytes);
      return reply.code(result.duplicate ? 200 : 201).send(result);
    },
  });

  r.get('/api/exchange/messages', {
    schema: { operationId: 'listExchangeMessages', summary: 'Thông điệp liên thông đã nhận của cơ quan', tags, querystring: ExchangeListQuery, response: { 200: z.object({ items: z.array(ExchangeMessageResponse), total: z.number().int() }), ...problems(400, 401, 403) } },
    handler: (req) => exchange.listExchangeMessages(ctxOf(db, req), req.query),
  });

  r.post('/api/exchange/messages/:id/register', {
    schema: {
      operationId: 'registerExchangeMessage',
      summary: 'Vào sổ văn bản đến từ thông điệp đã nhận (một lần bấm)',
      tags,
      params: z.object({ id: z.uuid() }),
      body: RegisterExchangeRequest,
      response: { 200: z.object({ documentId: z.uuid(), arrivalNumber: z.number().int().nullable() }), ...problems(400, 401, 403, 404, 409) },
    },
    handler: (req) => exchange.registerExchangeMessage(ctxOf(db, req), deps.store, req.params.id, req.body),
  });

  r.get('/api/exchange/messages/:id/files/:fileId', {
    schema: {
      operationId: 'downloadExchangeMessageFile',
      summary: 'Tải tệp đính kèm (hoặc chính thông điệp edXML) của thông điệp đã nhận, cho văn thư của cơ quan nhận',
      tags,
      params: z.object({ id: z.uuid(), fileId: z.uuid() }),
      querystring: z.object({ inline: z.enum(['true', 'false']).default('false').describe('true: mở trong trình duyệt (PDF, ảnh)') }),
      response: { 200: z.unknown().describe('Nội dung tệp'), ...problems(401, 403, 404, 500) },
    },
    handler: async (req, reply) => {
      const row = await exchange.exchangeMessageFile(ctxOf(db, req), req.params.id, req.params.fileId);
      const inline = req.query.inline === 'true' && (row.mime === 'application/pdf' || row.mime.startsWith('image/'));
      return reply
        .header('content-type', row.mime)
        .header('content-length', String(row.size))
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', row.name))
        .header('cache-control', 'private, no-store')
        .send(await readVerified(deps.store, row));
    },
  });

  r.post('/api/exchange/messages/:id/reject', {
    schema: {
      operationId: 'rejectExchangeMessage',
      summary: 'Trả lại văn bản cho nơi gửi với lý do (trạng thái 02)',
      tags,
      params: z.object({ id: z.uuid() }),
      body: RejectExchangeRequest,
      response: { 200: ExchangeMessageResponse, ...problems(400, 401, 403, 404, 409) },
    },
    handler: (req) => exchange.rejectExchangeMessage(ctxOf(db, req), deps.store, req.params.id, req.body.reason),
  });

  // The inbox of the transport: the body is the edXML itself, as another instance's outbox sends it. The
  // XML parser is this route's alone; every other route still refuses XML with 415.
  void app.register(async (scope) => {
    scope.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'buffer', bodyLimit: deps.maxBytes }, (_req, body, done) => done(null, body));
    typed(scope).post('/api/exchange/inbox', {
      schema: {
        operationId: 'receiveExchangeMessage',
        summary: 'Nhận thông điệp edXML (văn bản hoặc trạng thái) từ hệ thống khác qua kết nối liên thông',
        description:
          'Thân yêu cầu là chính thông điệp edXML (Content-Type: application/xml), xác thực bằng mã truy cập API (Authorization: Bearer …) của tài khoản nhận. Gửi lại cùng thông điệp không tạo bản thứ hai (duplicate=true). Văn bản mới được báo "01 Đã đến" cho nơi gửi.',
        tags,
        consumes: ['application/xml'],
        response: { 200: InboxResponse, ...problems(400, 401, 403, 404, 413, 415) },
      },
      handler: (req) => transport.receiveFromPeer(ctxOf(db, req), deps.store, Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : null),
    });
  });

  r.get('/api/exchange/outbox', {
    schema: { operationId: 'listExchangeOutbox', summary: 'Thông điệp gửi đi qua liên thông: chờ gửi, đã gửi, bị từ chối', tags, querystring: OutboxQuery, response: { 200: z.object({ items: z.array(OutboxItemResponse), total: z.number().int() }), ...problems(400, 401, 403) } },
    handler: (req) => transport.listOutbox(ctxOf(db, req), req.query),
  });

  r.post('/api/exchange/outbox/:id/retry', {
    schema: { operationId: 'retryExchangeOutbox', summary: 'Gửi lại ngay một thông điệp chờ gửi hoặc bị từ chối', tags, params: z.object({ id: z.uuid() }), response: { 200: z.object({ ok: z.literal(true) }), ...problems(401, 403, 404, 409) } },
    handler: async (req) => {
      await transport.retryOutbox(ctxOf(db, req), req.params.id);
      return { ok: true as const };
    },
  });

  r.get('/api/documents/:id/edxml', {
    schema: {
      operationId: 'exportEdxml',
      summary: 'Xuất văn bản đã phát hành thành tệp edXML (QCVN 102:2016) để chuyển giao ngoài kết nối',
      description: 'Gửi tới các nơi nhận bên ngoài có mã định danh, hoặc chỉ một nơi (tham số to). Tệp PDF đã ký và phụ lục được nhúng Base64.',
      tags,
      params: z.object({ id: z.uuid() }),
      querystring: z.object({ to: z.string().trim().optional().describe('Mã định danh của một nơi nhận') }),
      produces: ['application/xml'],
      response: { 200: z.string().describe('Thông điệp edXML'), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const { xml, fileName } = await transport.exportEdxml(ctxOf(db, req), deps.store, deps.keys, req.params.id, req.query.to);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(xml);
    },
  });

  r.get('/api/exchange/peers', {
    schema: { operationId: 'listExchangePeers', summary: 'Kết nối liên thông tới các hệ thống khác', tags, response: { 200: z.object({ items: z.array(PeerResponse) }), ...problems(401, 403) } },
    handler: (req) => peers.listPeers(ctxOf(db, req)),
  });

  r.post('/api/exchange/peers', {
    schema: { operationId: 'addExchangePeer', summary: 'Thêm kết nối liên thông (quản trị)', tags, body: AddPeerRequest, response: { 201: PeerResponse, ...problems(400, 401, 403, 409) } },
    handler: async (req, reply) => reply.code(201).send(await peers.addPeer(ctxOf(db, req), deps.peerSealer, req.body)),
  });

  r.delete('/api/exchange/peers/:id', {
    schema: { operationId: 'removeExchangePeer', summary: 'Ngừng một kết nối liên thông', tags, params: z.object({ id: z.uuid() }), response: { 200: z.object({ ok: z.literal(true) }), ...problems(401, 403, 404) } },
    handler: async (req) => {
      await peers.removePeer(ctxOf(db, req), req.params.id);
      return { ok: true as const };
    },
  });
}
