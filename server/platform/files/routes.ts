import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import { DomainError } from '../http/errors.js';
import { ctxOf, problems, typed } from '../http/route.js';
import type { BlobStore } from './blob-store.js';
import { getOwnFile, readVerified, storeUpload, toFileResponse } from './service.js';

export const FileResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  mime: z.string().describe('Loại tệp nhận diện từ nội dung, không lấy theo khai báo của trình duyệt'),
  size: z.number().int().describe('Dung lượng, byte'),
  sha256: z.string().describe('Mã băm SHA-256 của nội dung, kiểm tra lại mỗi lần tải về'),
  createdAt: z.iso.datetime(),
});

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name for Vietnamese file names. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; maxBytes: number }) {
  const r = typed(app);
  const tags = ['Tệp'];

  r.post('/api/files', {
    schema: {
      operationId: 'uploadFile',
      summary: 'Tải lên một tệp (multipart/form-data, trường "file"): PDF, DOCX hoặc ảnh',
      description: 'Loại tệp được nhận diện từ nội dung và phải khớp phần mở rộng của tên tệp; dung lượng tối đa theo FILES_MAX_MB.',
      tags,
      consumes: ['multipart/form-data'],
      response: { 201: FileResponse, ...problems(400, 401, 403, 413, 415) },
    },
    handler: async (req, reply) => {
      if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Gửi tệp dạng multipart/form-data, trường "file"');
      const part = await req.file({ limits: { fileSize: deps.maxBytes + 1, files: 1 } });
      if (!part) throw new DomainError('FILE_MISSING');
      const row = await storeUpload(ctxOf(deps.db, req), deps.store, { stream: part.file, filename: part.filename }, { maxBytes: deps.maxBytes, kinds: ['pdf', 'docx', 'image'] });
      return reply.code(201).send(toFileResponse(row));
    },
  });

  r.get('/api/files/:id', {
    schema: { operationId: 'getFile', summary: 'Thông tin tệp đã tải lên', tags, params: z.object({ id: z.uuid() }), response: { 200: FileResponse, ...problems(401, 403, 404) } },
    handler: async (req) => toFileResponse(await getOwnFile(ctxOf(deps.db, req), req.params.id)),
  });

  r.get('/api/files/:id/content', {
    schema: {
      operationId: 'downloadFile',
      summary: 'Tải nội dung tệp (đã kiểm tra SHA-256)',
      tags,
      params: z.object({ id: z.uuid() }),
      querystring: z.object({ inline: z.enum(['true', 'false']).default('false').describe('true: mở trong trình duyệt (PDF, ảnh)') }),
      response: { 200: z.unknown().describe('Nội dung tệp (PDF, DOCX, ảnh)'), ...problems(401, 403, 404, 500) },
    },
    handler: async (req, reply) => {
      const row = await getOwnFile(ctxOf(deps.db, req), req.params.id);
      const stream = await readVerified(deps.store, row);
      const inline = req.query.inline === 'true' && (row.mime === 'application/pdf' || row.mime.startsWith('image/'));
      return reply
        .header('content-type', row.mime)
        .header('content-length', String(row.size))
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', row.name))
        .header('etag', `"${row.sha256}"`)
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  });
}
