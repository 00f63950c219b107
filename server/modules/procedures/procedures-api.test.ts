import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, samplePdf } from '../../../test/helpers/fixtures.js';

let t: TestApp;
let admin: Session;
let so: Session;
let tnAdmin: Session;
let stcId: string;
let stpId: string;

const steps3days = [
  { name: 'Tiếp nhận hồ sơ', role: 'reception', budgetHours: 4 },
  { name: 'Phân công', role: 'assignment', budgetHours: 2 },
  { name: 'Thẩm định', role: 'handling', budgetHours: 10 },
  { name: 'Xem xét', role: 'review', budgetHours: 4 },
  { name: 'Ký duyệt', role: 'approval', budgetHours: 2 },
  { name: 'Phát hành', role: 'issuance', budgetHours: 2 },
  { name: 'Trả kết quả', role: 'return', budgetHours: 0, notCounted: true },
];

const body = (over: Record<string, unknown> = {}) => ({
  code: '2.001218.000.00.00.H38',
  name: 'Cấp giấy phép thử nghiệm đặc biệt',
  field: 'Thử nghiệm',
  level: 'province',
  competentAgencyId: stcId,
  timeLimit: 3,
  timeUnit: 'working_days',
  result: 'Giấy phép',
  fees: [{ kind: 'charge', name: 'Lệ phí cấp giấy phép', amount: 50000 }],
  components: [{ name: 'Đơn đề nghị', form: 'original', copies: 1 }],
  steps: steps3days,
  ...over,
});

const list = async (s: Session | null, query: string) => (await t.as(s, { method: 'GET', url: `/api/procedures?${query}` })).json() as { items: { id: string; code: string; name: string; level: string }[]; total: number };

beforeAll(async () => {
  t = await createTestApp();
  [admin, so, tnAdmin] = await Promise.all([t.login('admin'), t.login('so'), t.login('tn.admin')]);
  const agencies = (await t.as(admin, { method: 'GET', url: '/api/agencies?type=department' })).json() as { items: { id: string; shortName: string; type: string }[] };
  stcId = agencies.items.find((a) => a.shortName === 'STC' && a.type === 'department')!.id;
  stpId = agencies.items.find((a) => a.shortName === 'STP')!.id;
});
afterAll(() => t.close());

describe('reading the catalog', () => {
  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/procedures' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/procedures/fields' })).statusCode).toBe(401);
  });

  it('finds procedures whatever the accents and case, in code order', async () => {
    for (const q of ['khai sinh', 'KHAI SINH', 'khai sinh', 'Đăng ký khai sinh']) {
      const r = await list(so, `q=${encodeURIComponent(q)}`);
      expect(r.items.map((p) => p.code), q).toContain('9.100101');
    }
    const all = await list(so, 'pageSize=100');
    expect(all.total).toBe(36);
    expect(all.items.map((p) => p.code)).toEqual([...all.items.map((p) => p.code)].sort());
  });

  it('filters by level, agency, field and online service', async () => {
    const stc = await list(so, `agencyId=${stcId}&pageSize=100`);
    expect(stc.total).toBe(8);
    const commune = await list(so, 'level=commune&pageSize=100');
    expect(commune.items.every((p) => p.level === 'commune')).toBe(true);
    expect(commune.total).toBe(14);
    const hoTich = await list(so, `field=${encodeURIComponent('Hộ tịch')}`);
    expect(hoTich.total).toBe(7);
    const fields = (await t.as(so, { method: 'GET', url: '/api/procedures/fields' })).json() as { items: { field: string; count: number }[] };
    expect(fields.items.find((f) => f.field === 'Hộ tịch')?.count).toBe(7);
    const page2 = await list(so, 'pageSize=10&page=4');
    expect(page2.items).toHaveLength(6);
  });

  it('shows a procedure with its components and steps adding up to the limit', async () => {
    const [birth] = (await list(so, 'q=9.100101')).items;
    const res = await t.as(so, { method: 'GET', url: `/api/procedures/${birth!.id}` });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.timeLimit).toBe(1);
    expect(p.limitHours).toBe(8);
    expect(p.countedHours).toBe(8);
    expect(p.steps[0].role).toBe('reception');
    expect(p.steps.at(-1)).toMatchObject({ role: 'return', notCounted: true });
    expect(p.components[0]).toMatchObject({ position: 1, name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 });
    expect(p.competentAgencyName).toBe('Ủy ban nhân dân cấp xã');
    expect(p.publishedOn).toMatch(/^2025-07-\d\d$/);
  });
});

describe('creating and changing a procedure', () => {
  it('refuses without a session (401) and without procedure.manage (403)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/procedures', payload: body() })).statusCode).toBe(401);
    const res = await t.as(so, { method: 'POST', url: '/api/procedures', payload: body() });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('refuses bad input with a clear 400 and creates nothing', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ code: '12994' }, /không đúng dạng mã quốc gia/],
      [{ code: '1.012994.H38' }, /không đúng dạng mã quốc gia/],
      [{ steps: steps3days.map((s, i) => (i === 2 ? { ...s, budgetHours: 9 } : s)) }, /Tổng thời gian các bước là 23 giờ, phải bằng thời hạn giải quyết 24 giờ/],
      [{ timeLimit: 2 }, /phải bằng thời hạn giải quyết 16 giờ/],
      [{ steps: steps3days.slice(1) }, /Bước đầu tiên/],
      [{ steps: steps3days.map((s, i) => (i === 6 ? { ...s, notCounted: false } : s)) }, /Bước trả kết quả không tính thời gian/],
      [{ steps: [...steps3days.slice(0, 6), { name: 'Trả', role: 'handling', budgetHours: 0, notCounted: true }] }, /Bước cuối cùng/],
      [{ competentAgencyId: null }, /cơ quan có thẩm quyền là một sở, ngành/],
      [{ level: 'commune' }, /Thủ tục cấp xã/],
      [{ fees: [{ kind: 'fee', name: 'Phí', amount: -1 }] }, /không được âm/],
      [{ fees: [{ kind: 'fee', name: 'Phí', amount: 1000.5 }] }, /số nguyên đồng/],
      [{ components: [{ name: 'Đơn', form: 'original', copies: 1, templateFileId: '01900000-0000-7000-8000-000000000000' }] }, /không tìm thấy tệp mẫu/],
    ];
    for (const [over, message] of cases) {
      const res = await t.as(admin, { method: 'POST', url: '/api/procedures', payload: body(over) });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(JSON.stringify(res.json()), JSON.stringify(over)).toMatch(message);
    }
    // the agency must be a department of the province, not the Center
    const agencies = (await t.as(admin, { method: 'GET', url: '/api/agencies?type=service_center' })).json() as { items: { id: string; type: string }[] };
    const center = agencies.items.find((a) => a.type === 'service_center')!;
    const res = await t.as(admin, { method: 'POST', url: '/api/procedures', payload: body({ competentAgencyId: center.id }) });
    expect(res.statusCode).toBe(400);
    expect((await list(admin, 'q=thu nghiem dac biet&active=all')).total).toBe(0);
  });

  it('refuses a code the catalog already has (409)', async () => {
    const res = await t.as(admin, { method: 'POST', url: '/api/procedures', payload: body({ code: '9.100101' }) });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/9\.100101 đã có/);
  });

  let createdId: string;
  it('creates a procedure, audited, with budgets adding up (working days × 8, working hours as is)', async () => {
    const res = await t.as(admin, { method: 'POST', url: '/api/procedures', payload: body() });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    createdId = p.id;
    expect(p).toMatchObject({ code: '2.001218.000.00.00.H38', competentAgencyId: stcId, competentAgencyName: 'Sở Tài chính', receivingAgencyName: 'Trung tâm Phục vụ hành chính công tỉnh', countedHours: 24, limitHours: 24, feeTotal: 50000 });
    expect(p.steps.map((s: { position: number }) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const audit = (await t.as(admin, { method: 'GET', url: `/api/audit?entityType=procedure&entityId=${p.id}` })).json() as { items: { action: string }[] };
    expect(audit.items.map((e) => e.action)).toEqual(['procedure.created']);

    const hours = await t.as(admin, {
      method: 'POST',
      url: '/api/procedures',
      payload: body({ code: '1.999001', name: 'Chứng thực thử theo giờ', level: 'commune', competentAgencyId: null, timeLimit: 4, timeUnit: 'working_hours', steps: [steps3days[0]!, { name: 'Ký', role: 'approval', budgetHours: 0 }, steps3days[6]!] }),
    });
    expect(hours.statusCode).toBe(201);
    expect(hours.json()).toMatchObject({ limitHours: 4, countedHours: 4, competentAgencyId: null, competentAgencyName: 'Ủy ban nhân dân cấp xã' });
  });

  it('checks calendar units against the most working hours they can hold', async () => {
    // 2 calendar days hold at most 2 working days = 16 h; 24 h of steps cannot fit
    const days = await t.as(admin, { method: 'POST', url: '/api/procedures', payload: body({ code: '1.999002', timeLimit: 2, timeUnit: 'days' }) });
    expect(days.statusCode).toBe(400);
    expect(days.json().detail).toMatch(/vượt số giờ làm việc tối đa của thời hạn \(16 giờ\)/);
    const month = await t.as(admin, { method: 'POST', url: '/api/procedures', payload: body({ code: '1.999003', name: 'Giải quyết thử theo tháng', level: 'commune', competentAgencyId: null, timeLimit: 1, timeUnit: 'months' }) });
    expect(month.statusCode).toBe(201);
    expect(month.json()).toMatchObject({ limitHours: null, countedHours: 24 });
  });

  it('refuses a change whose budgets do not add up and changes nothing', async () => {
    const before = (await t.as(admin, { method: 'GET', url: `/api/procedures/${createdId}` })).json();
    const res = await t.as(admin, { method: 'PATCH', url: `/api/procedures/${createdId}`, payload: { timeLimit: 5, name: 'Tên mới' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/phải bằng thời hạn giải quyết 40 giờ/);
    const after = (await t.as(admin, { method: 'GET', url: `/api/procedures/${createdId}` })).json();
    expect(after).toEqual(before);
    expect((await t.as(so, { method: 'PATCH', url: `/api/procedures/${createdId}`, payload: { name: 'Tên mới' } })).statusCode).toBe(403);
    expect((await t.as(admin, { method: 'PATCH', url: `/api/procedures/${createdId}`, payload: { code: '9.100101' } })).statusCode).toBe(409);
  });

  it('changes the limit with its steps, audited', async () => {
    const steps = steps3days.map((s, i) => (i === 2 ? { ...s, budgetHours: 26 } : s));
    const res = await t.as(admin, { method: 'PATCH', url: `/api/procedures/${createdId}`, payload: { timeLimit: 5, steps, components: [{ name: 'Đơn đề nghị (mẫu mới)', form: 'original', copies: 2 }, { name: 'Bản sao giấy tờ', form: 'copy', copies: 1, required: false }] } });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ timeLimit: 5, limitHours: 40, countedHours: 40, name: 'Cấp giấy phép thử nghiệm đặc biệt' });
    expect(p.components.map((c: { name: string; copies: number }) => [c.name, c.copies])).toEqual([['Đơn đề nghị (mẫu mới)', 2], ['Bản sao giấy tờ', 1]]);
    const audit = (await t.as(admin, { method: 'GET', url: `/api/audit?entityType=procedure&entityId=${createdId}` })).json() as { items: { action: string }[] };
    expect(audit.items.map((e) => e.action).sort()).toEqual(['procedure.created', 'procedure.updated']);
  });

  it('keeps a template file by id and serves it on the public catalog', async () => {
    const upload = await t.as(admin, { method: 'POST', url: '/api/files', ...multipart('to-khai.pdf', samplePdf('To khai')) });
    expect(upload.statusCode).toBe(201);
    const fileId = upload.json().id as string;
    const res = await t.as(admin, { method: 'PATCH', url: `/api/procedures/${createdId}`, payload: { components: [{ name: 'Tờ khai', form: 'original', copies: 1, templateFileId: fileId, templateName: 'Tờ khai mẫu 01' }] } });
    expect(res.statusCode).toBe(200);
    const componentId = res.json().components[0].id as string;
    expect(res.json().components).toHaveLength(1);
    const download = await t.app.inject({ method: 'GET', url: `/api/public/procedures/an-giang/${createdId}/templates/${componentId}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(samplePdf('To khai'))).toBe(true);
    // another tenant's address does not serve it
    expect((await t.app.inject({ method: 'GET', url: `/api/public/procedures/thu-nghiem/${createdId}/templates/${componentId}` })).statusCode).toBe(404);
  });

  it('hides an abolished procedure from the public catalog but keeps it for officers', async () => {
    const res = await t.as(admin, { method: 'PATCH', url: `/api/procedures/${createdId}`, payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/procedures/an-giang/${createdId}` })).statusCode).toBe(404);
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/procedures/an-giang?q=thu%20nghiem%20dac%20biet' })).json();
    expect(pub.total).toBe(0);
    expect((await list(so, 'q=thu nghiem dac biet')).total).toBe(0);
    expect((await list(so, 'q=thu nghiem dac biet&active=false')).total).toBe(1);
  });
});

describe('components that received dossiers point at', () => {
  it('can be renamed or added to, not removed (409, nothing changed)', async () => {
    const created = await t.as(admin, { method: 'POST', url: '/api/procedures', payload: body({ code: '1.999010', name: 'Thủ tục có hồ sơ', competentAgencyId: stpId, components: [{ name: 'Đơn đề nghị', form: 'original', copies: 1 }, { name: 'Bản sao giấy tờ', form: 'copy', copies: 1 }] }) });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    const motcua = await t.login('motcua');
    const applicant = { kind: 'person', name: 'Nguyễn Văn An', idNumber: '091234567891', phone: '0912345679', address: 'Phường Rạch Giá' };
    const received = await t.as(motcua, { method: 'POST', url: '/api/dossiers', payload: { decision: 'receive', procedureId: p.id, applicant, components: p.components.map((c: { id: string }) => ({ procedureComponentId: c.id })), counter: 'Quầy 1' } });
    expect(received.statusCode, received.body).toBe(201);
    const shrink = await t.as(admin, { method: 'PATCH', url: `/api/procedures/${p.id}`, payload: { name: 'Tên khác', components: [{ name: 'Đơn đề nghị', form: 'original', copies: 1 }] } });
    expect(shrink.statusCode).toBe(409);
    expect(shrink.json().detail).toMatch(/đã có hồ sơ tiếp nhận/);
    const after = (await t.as(admin, { method: 'GET', url: `/api/procedures/${p.id}` })).json();
    expect(after.name).toBe('Thủ tục có hồ sơ');
    expect(after.components.map((c: { id: string }) => c.id)).toEqual(p.components.map((c: { id: string }) => c.id));
    const rename = await t.as(admin, { method: 'PATCH', url: `/api/procedures/${p.id}`, payload: { components: [{ name: 'Đơn đề nghị (mẫu 2025)', form: 'original', copies: 1 }, { name: 'Bản sao giấy tờ', form: 'copy', copies: 1 }, { name: 'Giấy ủy quyền', form: 'original', copies: 1, required: false }] } });
    expect(rename.statusCode).toBe(200);
    expect(rename.json().components.map((c: { id: string }) => c.id).slice(0, 2)).toEqual(p.components.map((c: { id: string }) => c.id));
  });
});

describe('public catalog (no login)', () => {
  it('lists active procedures with accent-insensitive search and filters', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/procedures/an-giang?q=${encodeURIComponent('ly lich tu phap')}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.tenantName).toBe('Tỉnh An Giang');
    expect(body.items.map((p: { code: string }) => p.code)).toEqual(['9.000201', '9.000202']);
    expect(body.fields).toContain('Hộ tịch');
    expect(body.agencies.map((a: { name: string }) => a.name)).toContain('Sở Tư pháp');
    const byAgency = (await t.app.inject({ method: 'GET', url: `/api/public/procedures/an-giang?agencyId=${stcId}&level=province` })).json();
    expect(byAgency.total).toBe(8);
    const byField = (await t.app.inject({ method: 'GET', url: `/api/public/procedures/an-giang?field=${encodeURIComponent('Chứng thực')}` })).json();
    expect(byField.total).toBe(3);
  });

  it('shows components, fees, time limit and result, not the internal process', async () => {
    const [record] = (await t.app.inject({ method: 'GET', url: '/api/public/procedures/an-giang?q=9.000201' })).json().items;
    const res = await t.app.inject({ method: 'GET', url: `/api/public/procedures/an-giang/${record.id}` });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ code: '9.000201', timeLimit: 10, timeUnit: 'working_days', competentAgencyName: 'Sở Tư pháp', onlineService: 'full' });
    expect(p.fees[0]).toEqual({ kind: 'fee', name: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200000 });
    expect(p.components.length).toBe(3);
    expect(p.legalBasis).toMatch(/Luật Lý lịch tư pháp/);
    expect(p.steps).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: `/api/public/procedures/khong-co/${record.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/procedures/thu-nghiem/${record.id}` })).statusCode).toBe(404);
  });
});

describe('tenant isolation', () => {
  it('shows none of An Giang’s procedures to another province', async () => {
    const theirs = await list(tnAdmin, 'active=all&pageSize=100');
    expect(theirs.total).toBe(0);
    const [birth] = (await list(so, 'q=9.100101')).items;
    expect((await t.as(tnAdmin, { method: 'GET', url: `/api/procedures/${birth!.id}` })).statusCode).toBe(404);
    expect((await t.as(tnAdmin, { method: 'PATCH', url: `/api/procedures/${birth!.id}`, payload: { name: 'Đổi tên' } })).statusCode).toBe(404);
    // the same code is free in another province, and An Giang's agency cannot be named there
    const mine = await t.as(tnAdmin, { method: 'POST', url: '/api/procedures', payload: body({ code: '9.100101', competentAgencyId: stcId }) });
    expect(mine.statusCode).toBe(400);
    const fields = (await t.as(tnAdmin, { method: 'GET', url: '/api/procedures/fields' })).json();
    expect(fields.items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/procedures/thu-nghiem' })).json().total).toBe(0);
  });
});
