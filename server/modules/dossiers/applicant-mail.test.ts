import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { emailOutbox } from '../../platform/notify/tables.js';
import { receiveDossier } from './intake.js';
import { ReceiveDossierRequest } from './intake-schemas.js';
import { advanceDossierStep, requestSupplement } from './processing.js';
import { contextOf, dossierRow, type Fixture, insertProcedure } from './processing-test-setup.js';

// An applicant who gave an e-mail address hears of the receipt (code, appointment, lookup link) and of a request
// to supplement; one who gave none, or a deployment without SMTP, sends nothing.
const MAIL = { email: true, publicUrl: 'https://dichvucong.angiang.gov.vn' };

let t: TestApp;
let motcua: Session;
let truongphong: Session;
let so: Session;
let f: Fixture;

const request = (email: string | undefined) =>
  ReceiveDossierRequest.parse({
    decision: 'receive',
    procedureId: f.procedureId,
    applicant: { kind: 'person', name: 'Phạm Thị Hồng Nhung', idNumber: '089190004321', phone: '0913456789', address: 'Phường Long Xuyên, tỉnh An Giang', ...(email ? { email } : {}) },
    components: [{ procedureComponentId: f.componentId }],
  });
const mailsTo = (address: string) => t.database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(asc(emailOutbox.createdAt));

beforeAll(async () => {
  t = await createTestApp();
  [motcua, truongphong, so] = (await Promise.all(['motcua', 'truongphongso', 'so'].map((u) => t.login(u)))) as [Session, Session, Session];
  f = await insertProcedure(t, so.user.tenant.id, so.user.agency.id, '1.990501');
});
afterAll(() => t.close());

describe('e-mails to the applicant', () => {
  it('tells of the receipt with the code, the appointment and the lookup link, then of a supplement request', async () => {
    const address = 'nhung.pham@example.vn';
    const received = await receiveDossier(contextOf(t, motcua), request(address), { mail: MAIL });
    const code = received.dossier!.code!;
    let mails = await mailsTo(address);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toName: 'Phạm Thị Hồng Nhung', subject: `Hồ sơ ${code} đã được tiếp nhận`, state: 'pending' });
    expect(mails[0]!.text).toContain('Hẹn trả kết quả: ');
    expect(mails[0]!.text).toContain(`https://dichvucong.angiang.gov.vn/cong-khai/dich-vu-cong/an-giang/tra-cuu?ma=${encodeURIComponent(code)}`);

    const id = received.dossier!.id;
    await advanceDossierStep(contextOf(t, truongphong), id, { assigneeId: so.user.id, version: (await dossierRow(t, id)).version }, new Date(), MAIL);
    await requestSupplement(contextOf(t, so), id, { reason: 'Tờ khai chưa ký', items: ['Tờ khai có chữ ký của người đề nghị'], version: (await dossierRow(t, id)).version }, new Date(), MAIL);
    mails = await mailsTo(address);
    expect(mails.map((m) => m.subject)).toEqual([`Hồ sơ ${code} đã được tiếp nhận`, `Hồ sơ ${code} cần bổ sung, hoàn thiện`]);
    expect(mails[1]!.text).toContain('- Tờ khai có chữ ký của người đề nghị');
  });

  it('sends nothing without an address, to a demo address, or with e-mail off', async () => {
    const before = (await t.database.db.select().from(emailOutbox)).length;
    await receiveDossier(contextOf(t, motcua), request(undefined), { mail: MAIL });
    await receiveDossier(contextOf(t, motcua), request('nguoi.nop@demo.vanphongso.invalid'), { mail: MAIL });
    await receiveDossier(contextOf(t, motcua), request('nhung.khac@example.vn'), { mail: { email: false } });
    expect((await t.database.db.select().from(emailOutbox)).length).toBe(before);
  });
});
