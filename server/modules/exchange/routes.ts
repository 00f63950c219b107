import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { DomainError } from '../../platform/http/errors.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { readAll } from '../signing/index.js';
import { ExchangeListQuery, ExchangeMessageResponse, ImportResponse, RegisterExchangeRequest } from './schemas.js';
import * as exchange from './service.js';

export function exchangeRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; maxBytes: number }) {
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
    schema: { operationId: 'listExchangeMessages', summary: 'Thông điệp liên thông đã nhận của cơ quan', tags, querystring: ExchangeListQuery, response: { 200: z.object({ items: z.array(ExchangeMessageResponse) }), ...problems(400, 401, 403) } },
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
    handler: (req) => exchange.registerExchangeMessage(ctxOf(db, req), req.params.id, req.body),
  });
}
