import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { newId } from '../../../db/columns.js';
import { procedureComponents, procedures, procedureSteps } from '../../procedures/tables.js';
import { vnDate } from './format.js';

// The forms of a dossier that went through the real intake and processing services (not inserted rows).
const run = promisify(execFile);
let t: TestApp;
let workDir: string;
let motcua: Session;
let truongphong: Session;
let so: Session;
let procedureId: string;
let componentId: string;

async function text(bytes: Buffer): Promise<string> {
  const file = path.join(workDir, `${newId()}.pdf`);
  writeFileSync(file, bytes);
  return (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout.replace(/\s+/g, ' ');
}

const STEPS = [
  ['Tiếp nhận hồ sơ', 'reception', 4],
  ['Phân công xử lý', 'assignment', 4],
  ['Thẩm định hồ sơ', 'handling', 24],
  ['Phê duyệt', 'approval', 8],
  ['Trả kết quả', 'return', 0],
] as const;

beforeAll(async () => {
  t = await createTestApp();
  workDir = mkdtempSync(path.join(tmpdir(), 'vps-forms-flow-'));
  [motcua, truongphong, so] = (await Promise.all(['motcua', 'truongphongso', 'so'].map((u) => t.login(u)))) as [Session, Session, Session];
  procedureId = newId();
  componentId = newId();
  await t.database.db.insert(procedures).values({
    id: procedureId,
    tenantId: so.user.tenant.id,
    code: '1.999002',
    name: 'Đăng ký thử nghiệm in phiếu',
    field: 'Tài chính',
    level: 'province',
    competentAgencyId: so.user.agency.id,
    competentAgencyName: 'Sở Tài chính',
    receivingAgencyName: 'Trung tâm Phục vụ hành chính công tỉnh',
    timeLimit: 5,
    timeUnit: 'working_days',
    result: 'Giấy chứng nhận',
  });
  await t.database.db.insert(procedureComponents).values({ id: componentId, procedureId, position: 1, name: 'Tờ khai đăng ký thử nghiệm', form: 'original', copies: 1, required: true });
  await t.database.db.insert(procedureSteps).values(STEPS.map(([name, role, budgetHours], i) => ({ procedureId, position: i + 1, name, role, budgetHours, notCounted: role === 'return' })));
});

afterAll(async () => {
  await t.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('forms of a dossier received and handed on through the services', () => {
  it('prints the receipt with the given code and appointment, and the control slip with the hand-off', async () => {
    const received = await t.as(motcua, {
      method: 'POST',
      url: '/api/dossiers',
      payload: {
        decision: 'receive',
        procedureId,
        counter: 'Quầy 2',
        applicant: { kind: 'person', name: 'Đoàn Thị Phiếu', idNumber: '091234500001', phone: '0912000111', address: 'Phường Long Xuyên, tỉnh An Giang' },
        components: [{ procedureComponentId: componentId }],
      },
    });
    expect(received.statusCode, received.body).toBe(201);
    const { id, code, appointmentAt } = (received.json() as { dossier: { id: string; code: string; appointmentAt: string } }).dossier;

    const receipt = await t.as(motcua, { method: 'GET', url: `/api/dossiers/${id}/forms/receipt` });
    expect(receipt.statusCode, receipt.body.slice(0, 300)).toBe(200);
    const r = await text(receipt.rawPayload);
    expect(r).toContain(`Mã hồ sơ: ${code}`);
    expect(r).toContain('Đoàn Thị Phiếu');
    expect(r).toContain('Tờ khai đăng ký thử nghiệm');
    expect(r).toContain(`ngày ${vnDate(new Date(appointmentAt))}`);
    expect(r).toContain(`/cong-khai/dich-vu-cong/an-giang/tra-cuu?ma=${code}`);

    const { version } = (await t.as(truongphong, { method: 'GET', url: `/api/dossiers/${id}` })).json() as { version: number };
    const advanced = await t.as(truongphong, { method: 'POST', url: `/api/dossiers/${id}/advance`, payload: { assigneeId: so.user.id, version } });
    expect(advanced.statusCode, advanced.body).toBe(200);

    const control = await t.as(so, { method: 'GET', url: `/api/dossiers/${id}/forms/control` });
    expect(control.statusCode).toBe(200);
    const c = await text(control.rawPayload);
    expect(c).toContain(`Mã hồ sơ: ${code}`);
    // the hand-off from the unit head to the handler, the assignment step finished early or on time
    expect(c).toMatch(/Người giao: Nguyễn Hữu Phước Người nhận: Đặng Thu Trang (Trước hạn|Đúng hạn)/);
  });

  it('prints the guidance slip given at the counter', async () => {
    const res = await t.as(motcua, {
      method: 'POST',
      url: '/api/dossiers',
      payload: { decision: 'guidance', procedureId, applicant: { kind: 'person', name: 'Mai Văn Hỏi', idNumber: '091234500002', phone: '0912000222', address: 'Phường Châu Đốc' }, items: ['Tờ khai có chữ ký'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const slip = (res.json() as { slip: { id: string; kind: string } }).slip;
    expect(slip.kind).toBe('guidance');
    const pdf = await t.as(motcua, { method: 'GET', url: `/api/dossiers/intake-slips/${slip.id}/pdf` });
    expect(pdf.statusCode).toBe(200);
    const g = await text(pdf.rawPayload);
    expect(g).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(g).toContain('Mai Văn Hỏi');
    expect(g).toContain('1. Tờ khai có chữ ký');
    expect(g).toContain('Đăng ký thử nghiệm in phiếu (mã thủ tục 1.999002)');
  });
});
