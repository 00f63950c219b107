import { createHash } from 'node:crypto';
import { readdirSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, sampleDocx, samplePdf, samplePng } from '../../../test/helpers/fixtures.js';
import { sweepOrphanBlobs } from './service.js';
import { files } from './tables.js';

let t: TestApp;
let clerk: Session;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const upload = (s: Session, name: string, data: Buffer) => t.as(s, { method: 'POST', url: '/api/files', ...multipart(name, data) });
const blobCount = () => readdirSync(path.join(t.filesDir, 'blobs'), { recursive: true }).filter((p) => /[0-9a-f]{64}$/.test(String(p))).length;
const tmpCount = () => readdirSync(path.join(t.filesDir, 'tmp')).length;

beforeAll(async () => {
  t = await createTestApp({ filesMaxBytes: 64 * 1024 });
  clerk = await t.login('vanthu');
});
afterAll(() => t.close());

describe('uploads', () => {
  it('stores a PDF by its content hash and gives the same bytes back, checked', async () => {
    const pdf = samplePdf('Cong van so 123');
    const res = await upload(clerk, 'Công văn 123-UBND.pdf', pdf);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Công văn 123-UBND.pdf', mime: 'application/pdf', size: pdf.length, sha256: sha(pdf) });
    const down = await t.as(clerk, { method: 'GET', url: `/api/files/${body.id}/content` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toBe(`attachment; filename="Cong van 123-UBND.pdf"; filename*=UTF-8''${encodeURIComponent('Công văn 123-UBND.pdf')}`);
    const inline = await t.as(clerk, { method: 'GET', url: `/api/files/${body.id}/content?inline=true` });
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
  });

  it('detects DOCX and images from their content, whatever the browser declared', async () => {
    const docx = await t.as(clerk, { method: 'POST', url: '/api/files', ...multipart('du-thao.docx', sampleDocx(), 'file', 'text/plain') });
    expect(docx.statusCode).toBe(201);
    expect(docx.json().mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const png = await upload(clerk, 'con-dau.png', samplePng());
    expect(png.json().mime).toBe('image/png');
  });

  it('keeps one blob for identical content uploaded twice', async () => {
    const pdf = samplePdf('Trung lap');
    const before = blobCount();
    const a = await upload(clerk, 'a.pdf', pdf);
    const b = await upload(clerk, 'b.pdf', pdf);
    expect(a.json().id).not.toBe(b.json().id);
    expect(blobCount()).toBe(before + 1);
  });

  it('refuses a file that is not what its name claims, an unknown type, an empty or an oversized file — leaving nothing behind', async () => {
    const rows = (await t.database.db.select().from(files)).length;
    const blobs = blobCount();
    const disguised = await upload(clerk, 'bao-cao.pdf', samplePng());
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json()).toMatchObject({ code: 'FILE_TYPE_MISMATCH', detail: 'Tệp "bao-cao.pdf" có nội dung image/png, không khớp phần mở rộng .pdf' });
    const exe = await upload(clerk, 'chay.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    const empty = await upload(clerk, 'rong.pdf', Buffer.alloc(0));
    expect(empty.json().code).toBe('FILE_EMPTY');
    const big = await upload(clerk, 'lon.pdf', Buffer.concat([samplePdf(), Buffer.alloc(70 * 1024, 32)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('FILE_TOO_LARGE');
    expect((await t.database.db.select().from(files)).length).toBe(rows);
    expect(blobCount()).toBe(blobs);
    expect(tmpCount()).toBe(0);
  });

  it('asks for multipart with a file part', async () => {
    const json = await t.as(clerk, { method: 'POST', url: '/api/files', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const noFile = await t.as(clerk, {
      method: 'POST',
      url: '/api/files',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      payload: '--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nxin chào\r\n--b--\r\n',
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().code).toBe('FILE_MISSING');
  });
});

describe('reading files', () => {
  it('lets only the uploader (or an administrator) read a file, and never across tenants', async () => {
    const res = await upload(clerk, 'rieng.pdf', samplePdf('Rieng'));
    const id = res.json().id;
    const other = await t.login('chuyenvien');
    expect((await t.as(other, { method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(403);
    const admin = await t.login('admin');
    expect((await t.as(admin, { method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(200);
    const foreign = await t.login('tn.admin');
    expect((await t.as(foreign, { method: 'GET', url: `/api/files/${id}/content` })).statusCode).toBe(404);
  });

  it('refuses to serve bytes that changed on disk after upload', async () => {
    const pdf = samplePdf('Se bi sua');
    const id = (await upload(clerk, 'sua.pdf', pdf)).json().id;
    const hash = sha(pdf);
    writeFileSync(path.join(t.filesDir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash), Buffer.concat([pdf, Buffer.from('x')]));
    const res = await t.as(clerk, { method: 'GET', url: `/api/files/${id}/content` });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('FILE_CORRUPTED');
  });
});

describe('orphan sweeper', () => {
  it('removes old blobs no row references and stale uploads, and keeps everything else', async () => {
    const kept = (await upload(clerk, 'giu.pdf', samplePdf('Giu lai'))).json();
    const orphan = Buffer.from('bytes whose row never committed');
    const orphanSha = sha(orphan);
    const dir = path.join(t.filesDir, 'blobs', orphanSha.slice(0, 2), orphanSha.slice(2, 4));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, orphanSha), orphan);
    const fresh = Buffer.from('an upload still in flight');
    const freshSha = sha(fresh);
    mkdirSync(path.join(t.filesDir, 'blobs', freshSha.slice(0, 2), freshSha.slice(2, 4)), { recursive: true });
    writeFileSync(path.join(t.filesDir, 'blobs', freshSha.slice(0, 2), freshSha.slice(2, 4), freshSha), fresh);
    writeFileSync(path.join(t.filesDir, 'tmp', 'crashed-upload'), 'x');
    const old = new Date(Date.now() - 2 * 3600_000);
    utimesSync(path.join(dir, orphanSha), old, old);
    utimesSync(path.join(t.filesDir, 'tmp', 'crashed-upload'), old, old);
    const hash = kept.sha256 as string;
    utimesSync(path.join(t.filesDir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash), old, old);

    const result = await sweepOrphanBlobs(t.database.db, t.blobStore, new Date());
    expect(result).toEqual({ blobs: 1, temps: 1 });
    expect(await t.blobStore.has(orphanSha)).toBe(false);
    expect(await t.blobStore.has(freshSha)).toBe(true);
    expect(await t.blobStore.has(hash)).toBe(true);
    const [row] = await t.database.db.select().from(files).where(eq(files.id, kept.id));
    expect(row?.sha256).toBe(hash);
  });
});
