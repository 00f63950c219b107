import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { samplePdf } from '../../../test/helpers/fixtures.js';
import { newId } from '../../db/columns.js';
import { auditEntries } from '../../platform/audit/tables.js';
import { procedureComponents, procedures } from '../procedures/tables.js';
import { appendDossierEvent } from './events.js';
import { dossierEvents, dossierExtensions, dossierRatings, dossiers, dossierSupplements } from './tables.js';

let t: TestApp;
let officer: Session; // motcua: the Center
let handler: Session; // so: Sở Tài chính
let tenantId = '';
const procedureId = newId();
const offlineProcedureId = newId();
const requiredComponentId = newId();
const optionalComponentId = newId();
const PHONE = '0912345678';
const ID_NUMBER = '079123456789';
const OFFICER_NOTE = 'Ghi chú nội bộ: chờ ý kiến lãnh đạo';

const ids = { processing: newId(), returned: newId(), processed: newId() };
const CODES = { processing: 'TTPV.C-261120-0001', returned: 'TTPV.C-261120-0002', processed: 'TTPV.C-261120-0003' };

const vn = (s: string) => new Date(`${s}+07:00`);
let ipSeq = 0;
/** Each test its own address, so the per-address limit of one test does not spill into another. */
const nextIp = () => `10.1.0.${++ipSeq}`;
const lookup = (code: string, contact: string, ip = '10.1.1.1', tenant = 'an-giang') =>
  t.app.inject({ method: 'GET', url: `/api/public/dossiers/${tenant}/lookup?code=${encodeURIComponent(code)}&contact=${encodeURIComponent(contact)}`, remoteAddress: ip });
const rate = (body: object, ip = nextIp()) => t.app.inject({ method: 'POST', url: '/api/public/dossiers/an-giang/rating', payload: body, remoteAddress: ip });

function form(parts: { name: string; value?: string; filename?: string; data?: Buffer }[]) {
  const boundary = `----vpsC${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.filename ? `form-data; name="${p.name}"; filename="${p.filename}"` : `form-data; name="${p.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.filename ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`, 'utf8'));
    chunks.push(p.data ?? Buffer.from(p.value ?? '', 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await createTestApp();
  [officer, handler] = (await Promise.all(['motcua', 'so'].map((u) => t.login(u)))) as [Session, Session];
  tenantId = officer.user.tenant.id;
  const db = t.database.db;
  const base = { tenantId, field: 'Thử nghiệm', level: 'province' as const, competentAgencyId: handler.user.agency.id, competentAgencyName: 'Sở Tài chính', receivingAgencyName: 'Trung tâm Phục vụ hành chính công', timeLimit: 5, timeUnit: 'working_days' as const, result: 'Văn bản trả lời' };
  await db.insert(procedures).values([
    { ...base, id: procedureId, code: 'C.TEST.001', name: 'Thủ tục thử của trang công dân', onlineService: 'partial' },
    { ...base, id: offlineProcedureId, code: 'C.TEST.002', name: 'Thủ tục thử chỉ nộp trực tiếp', onlineService: 'none' },
  ]);
  await db.insert(procedureComponents).values([
    { id: requiredComponentId, procedureId, position: 1, name: 'Đơn đề nghị', required: true },
    { id: optionalComponentId, procedureId, position: 2, name: 'Giấy tờ khác', required: false },
  ]);
  const dossier = { tenantId, procedureId, procedureCode: 'C.TEST.001', procedureName: 'Thủ tục thử của trang công dân', channel: 1 as const, applicantKind: 'person' as const, applicantName: 'Nguyễn Văn Dân', applicantIdNumber: ID_NUMBER, applicantPhone: PHONE, applicantAddress: 'Phường Rạch Giá', receivingAgencyId: officer.user.agency.id, receivedBy: officer.user.id, handlingAgencyId: handler.user.agency.id, submittedAt: vn('2026-11-20T08:00:00'), receivedAt: vn('2026-11-20T08:00:00'), appointmentAt: vn('2026-11-30T08:00:00'), originalAppointmentAt: vn('2026-11-27T08:00:00') };
  await db.insert(dossiers).values([
    { ...dossier, id: ids.processing, code: CODES.processing, status: 4 },
    { ...dossier, id: ids.returned, code: CODES.returned, status: 10, processedAt: vn('2026-11-25T10:00:00'), returnedAt: vn('2026-11-26T09:00:00') },
    { ...dossier, id: ids.processed, code: CODES.processed, status: 9, processedAt: vn('2026-11-25T10:00:00') },
  ]);
  const ev = (kind: Parameters<typeof appendDossierEvent>[2]['kind'], at: string, extra: object = {}) => appendDossierEvent(db, ids.processing, { kind, at: vn(at), actorId: officer.user.id, actorName: 'Huỳnh Văn Tâm', ...extra });
  await ev('received', '2026-11-20T08:00:00', { toStatus: 4 });
  await ev('handoff', '2026-11-20T08:05:00', { agencyId: officer.user.agency.id, step: 1, stepName: 'Tiếp nhận' });
  await ev('handoff', '2026-11-20T09:00:00', { agencyId: handler.user.agency.id, assigneeId: handler.user.id, step: 2, stepName: 'Phân công', note: OFFICER_NOTE });
  await ev('handoff', '2026-11-20T10:00:00', { agencyId: handler.user.agency.id, assigneeId: handler.user.id, step: 3, stepName: 'Thẩm định' });
  await ev('supplement_requested', '2026-11-21T09:00:00', { fromStatus: 4, toStatus: 5 });
  await db.insert(dossierSupplements).values({ dossierId: ids.processing, requestedAt: vn('2026-11-21T09:00:00'), requestedBy: handler.user.id, reason: 'Thiếu giấy tờ', items: ['Bản sao sổ hộ khẩu'] });
  await ev('supplement_completed', '2026-11-23T09:00:00', { fromStatus: 5, toStatus: 4 });
  await ev('extended', '2026-11-26T09:00:00');
  await db.insert(dossierExtensions).values({ dossierId: ids.processing, issuedAt: vn('2026-11-26T09:00:00'), issuedBy: handler.user.id, reason: 'Cần xác minh', faultAgencyId: handler.user.agency.id, previousAppointmentAt: vn('2026-11-27T08:00:00'), newAppointmentAt: vn('2026-11-30T08:00:00') });
});
afterAll(() => t.close());

describe('public lookup', () => {
  it('answers with status, dates and the citizen timeline to the right phone, in any format, or the ID number', async () => {
    const res = await lookup(CODES.processing, '+84 912 345 678', nextIp());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBe('30');
    expect(Number(res.headers['x-ratelimit-remaining'])).toBe(29);
    const body = res.json();
    expect(body).toMatchObject({ code: CODES.processing, status: 4, statusLabel: 'Đang xử lý', procedure: { code: 'C.TEST.001' }, appointmentAt: vn('2026-11-30T08:00:00').toISOString(), originalAppointmentAt: vn('2026-11-27T08:00:00').toISOString(), canRate: false, rating: null });
    const timeline = body.timeline as { kind: string; agencyName: string | null; items: string[]; newAppointmentAt: string | null }[];
    expect(timeline.map((e) => e.kind)).toEqual(['received', 'processing', 'processing', 'supplement_requested', 'supplement_completed', 'extended']);
    // two hand-offs inside Sở Tài chính show once; the Center's own step shows as the Center
    expect(timeline[2]!.agencyName).toMatch(/Sở Tài chính/);
    expect(timeline[3]!.items).toEqual(['Bản sao sổ hộ khẩu']);
    expect(timeline[5]!.newAppointmentAt).toBe(vn('2026-11-30T08:00:00').toISOString());
    // no officer names, no internal notes
    expect(res.body).not.toContain('Huỳnh Văn Tâm');
    expect(res.body).not.toContain('Đặng Thu Trang');
    expect(res.body).not.toContain(OFFICER_NOTE);
    const byId = await lookup(CODES.processing, '079 123 456 789', nextIp());
    expect(byId.statusCode, byId.body).toBe(200);
  });

  it('gives the same 404 for a wrong contact, an unknown code and another province', async () => {
    const ip = nextIp();
    const wrong = await lookup(CODES.processing, '0999999999', ip);
    const unknown = await lookup('KHONG-CO-0001', PHONE, ip);
    const otherTenant = await lookup(CODES.processing, PHONE, ip, 'thu-nghiem');
    expect([wrong.statusCode, unknown.statusCode, otherTenant.statusCode]).toEqual([404, 404, 404]);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.json().detail).toBe(otherTenant.json().detail);
  });

  it('refuses a too short contact with 400', async () => {
    const res = await lookup(CODES.processing, '12', nextIp());
    expect(res.statusCode).toBe(400);
  });

  it('limits one address to 30 lookups a minute', async () => {
    const ip = nextIp();
    for (let i = 0; i < 30; i++) expect((await lookup('KHONG-CO-0001', PHONE, ip)).statusCode).toBe(404);
    const blocked = await lookup(CODES.processing, PHONE, ip);
    expect(blocked.statusCode).toBe(429);
    expect((await lookup(CODES.processing, PHONE, nextIp())).statusCode).toBe(200);
  });
});

describe('public agencies', () => {
  it('lists departments, the Center and the communes of the province only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/dossiers/an-giang/agencies', remoteAddress: nextIp() });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; name: string; type: string }[];
    expect(items.filter((a) => ['commune_committee', 'ward_committee', 'special_zone_committee'].includes(a.type))).toHaveLength(102);
    expect(items.some((a) => a.id === handler.user.agency.id)).toBe(true);
    expect(new Set(items.map((a) => a.type))).toEqual(new Set(['department', 'service_center', 'commune_committee', 'ward_committee', 'special_zone_committee']));
    expect((await t.app.inject({ method: 'GET', url: '/api/public/dossiers/khong-co/agencies', remoteAddress: nextIp() })).statusCode).toBe(404);
  });
});

describe('rating', () => {
  const good = { code: CODES.returned, contact: PHONE, satisfied: true, criteria: { overall: 5, staff_attitude: 4, contact_count: 5 }, comment: 'Cán bộ hướng dẫn tận tình' };
  const ratings = async () => (await t.database.db.select({ n: count() }).from(dossierRatings))[0]!.n;

  it('refuses before the result with 409', async () => {
    const res = await rate({ ...good, code: CODES.processing });
    expect(res.statusCode, res.body).toBe(409);
    expect(await ratings()).toBe(0);
  });

  it('refuses bad criteria with 400 and changes nothing', async () => {
    for (const criteria of [{ overall: 6 }, { overall: 0 }, { overall: 2.5 }, { speed: 4 }]) {
      const res = await rate({ ...good, criteria });
      expect(res.statusCode, JSON.stringify(criteria)).toBe(400);
    }
    expect((await rate({ ...good, contact: '0999999999' })).statusCode).toBe(404);
    expect(await ratings()).toBe(0);
  });

  it('takes one rating after the result returned, with a rated event and an audit entry; a second is 409', async () => {
    const res = await rate(good);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: CODES.returned, satisfied: true, criteria: good.criteria, comment: good.comment });
    const [row] = await t.database.db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, ids.returned));
    expect(row).toMatchObject({ satisfied: true, criteria: good.criteria, tenantId });
    const events = await t.database.db.select().from(dossierEvents).where(and(eq(dossierEvents.dossierId, ids.returned), eq(dossierEvents.kind, 'rated')));
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBeNull();
    const audits = await t.database.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, ids.returned), eq(auditEntries.action, 'dossier.rated')));
    expect(audits).toHaveLength(1);
    const again = await rate({ ...good, satisfied: false });
    expect(again.statusCode).toBe(409);
    expect(await ratings()).toBe(1);
    const after = (await lookup(CODES.returned, PHONE, nextIp())).json();
    expect(after).toMatchObject({ canRate: false, rating: { satisfied: true } });
  });

  it('also once the result is processed (9), not yet returned', async () => {
    expect((await lookup(CODES.processed, PHONE, nextIp())).json().canRate).toBe(true);
    const res = await rate({ code: CODES.processed, contact: ID_NUMBER, satisfied: false, criteria: {} });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('online submission', () => {
  const applicant = { kind: 'person', name: 'Trần Thị Nộp', idNumber: '079300000001', phone: '0987 654 321', address: 'Xã Châu Thành, An Giang', verified: true };
  const submit = (parts: Parameters<typeof form>[0], ip = nextIp()) => t.app.inject({ method: 'POST', url: '/api/public/dossiers/an-giang', remoteAddress: ip, ...form(parts) });
  const dossierCount = async () => (await t.database.db.select({ n: count() }).from(dossiers).where(eq(dossiers.tenantId, tenantId)))[0]!.n;

  it('keeps the files and records a new online dossier the citizen follows by its reference', async () => {
    const res = await submit([
      { name: 'data', value: JSON.stringify({ procedureId, applicant }) },
      { name: `component.${requiredComponentId}`, filename: 'don-de-nghi.pdf', data: samplePdf('Don de nghi') },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 1, statusLabel: 'Mới đăng ký', procedureName: 'Thủ tục thử của trang công dân' });
    expect(body.receiveDueAt).toBeTruthy();
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, body.reference));
    expect(row).toMatchObject({ channel: 2, status: 1, code: null, applicantVerified: false });
    const followed = await lookup(body.reference, '0987654321', nextIp());
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json()).toMatchObject({ code: null, status: 1, timeline: [{ kind: 'submitted' }] });
  });

  it('refuses a procedure not offered online, a missing required file, a disguised file and a stray component, storing nothing', async () => {
    const before = await dossierCount();
    const pdf = { name: `component.${requiredComponentId}`, filename: 'don.pdf', data: samplePdf() };
    const offline = await submit([{ name: 'data', value: JSON.stringify({ procedureId: offlineProcedureId, applicant }) }, pdf]);
    expect(offline.statusCode, offline.body).toBe(400);
    const missing = await submit([{ name: 'data', value: JSON.stringify({ procedureId, applicant }) }, { name: `component.${optionalComponentId}`, filename: 'khac.pdf', data: samplePdf() }]);
    expect(missing.statusCode, missing.body).toBeGreaterThanOrEqual(400);
    expect(missing.statusCode).toBeLessThan(500);
    const disguised = await submit([{ name: 'data', value: JSON.stringify({ procedureId, applicant }) }, { name: `component.${requiredComponentId}`, filename: 'don.pdf', data: Buffer.from('MZ this is not a pdf at all') }]);
    expect(disguised.statusCode, disguised.body).toBe(415);
    const stray = await submit([{ name: 'data', value: JSON.stringify({ procedureId, applicant }) }, pdf, { name: `component.${newId()}`, filename: 'la.pdf', data: samplePdf() }]);
    expect(stray.statusCode, stray.body).toBe(400);
    const badApplicant = await submit([{ name: 'data', value: JSON.stringify({ procedureId, applicant: { ...applicant, phone: '12' } }) }, pdf]);
    expect(badApplicant.statusCode, badApplicant.body).toBe(400);
    expect(badApplicant.json().errors[0].path).toContain('phone');
    const noData = await submit([pdf]);
    expect(noData.statusCode).toBe(400);
    expect(await dossierCount()).toBe(before);
  });
});
