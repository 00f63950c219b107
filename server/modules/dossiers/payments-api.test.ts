import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_AUTH, type Session, type TestApp } from '../../../test/helpers/app.js';
import { procedures } from '../procedures/tables.js';
import { type PaymentCallback, paymentSecret, signCallback } from './payment-gateway.js';
import { dossierPayments, dossiers } from './tables.js';

// the callback secret derives from the auth secret; until app.ts hands it over, the routes read SESSION_SECRET
process.env.SESSION_SECRET = TEST_AUTH.secret;

let t: TestApp;
let officer: Session;
let commune: Session;
let staff: Session;
const P = '01900000-0000-7000-8000-00000000b001';
const D1 = '01900000-0000-7000-8000-00000000b101';
const D2 = '01900000-0000-7000-8000-00000000b102';
const D3 = '01900000-0000-7000-8000-00000000b103';

const sign = (c: PaymentCallback, channel: 'national_platform' | 'provincial_gateway' = 'national_platform') => signCallback(paymentSecret(TEST_AUTH.secret, channel), c);
const feesOf = async (id: string) => (await t.database.db.select({ feesDue: dossiers.feesDue, feesPaid: dossiers.feesPaid, paidOnline: dossiers.paidOnline }).from(dossiers).where(eq(dossiers.id, id)))[0]!;
const paymentsOf = (id: string) => t.database.db.select().from(dossierPayments).where(eq(dossierPayments.dossierId, id));

beforeAll(async () => {
  t = await createTestApp();
  [officer, commune, staff] = (await Promise.all(['motcua', 'xa', 'so'].map((u) => t.login(u)))) as [Session, Session, Session];
  const db = t.database.db;
  const tenantId = officer.user.tenant.id;
  await db.insert(procedures).values({ id: P, tenantId, code: 'TEST-S.PAY01', name: 'Thủ tục thử thu phí', field: 'Tài chính', level: 'province', competentAgencyId: staff.user.agency.id, competentAgencyName: 'Sở Tài chính', receivingAgencyName: 'Trung tâm', timeLimit: 5, timeUnit: 'working_days', result: 'Giấy phép', fees: [{ kind: 'charge', name: 'Lệ phí', amount: 150_000 }] });
  const base = { tenantId, procedureId: P, procedureCode: 'TEST-S.PAY01', procedureName: 'Thủ tục thử thu phí', channel: 1 as const, status: 4 as const, applicantKind: 'person' as const, applicantName: 'Lê Thị Cúc', applicantIdNumber: '091111222333', applicantPhone: '0909 123 456', applicantAddress: 'Long Xuyên', handlingAgencyId: staff.user.agency.id, receivingAgencyId: officer.user.agency.id, submittedAt: new Date(), receivedAt: new Date(), feesDue: 150_000 };
  await db.insert(dossiers).values([
    { ...base, id: D1, code: 'TEST.PAY-261127-0001' },
    { ...base, id: D2, code: 'TEST.PAY-261127-0002' },
    { ...base, id: D3, code: 'TEST.PAY-261127-0003', status: 3 },
  ]);
});
afterAll(() => t.close());

describe('fees paid at the counter', () => {
  it('records cash up to what is due, and refuses more', async () => {
    const res = await t.as(officer, { method: 'POST', url: `/api/dossiers/${D1}/payments`, payload: { kind: 'charge', name: 'Lệ phí cấp giấy phép', amount: 50_000 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().fees).toMatchObject({ feesDue: 150_000, feesPaid: 50_000, outstanding: 100_000, paidOnline: 0 });
    expect(res.json().payment).toMatchObject({ channel: 'cash', state: 'paid', amount: 50_000 });

    const over = await t.as(officer, { method: 'POST', url: `/api/dossiers/${D1}/payments`, payload: { kind: 'charge', name: 'Lệ phí', amount: 100_001 } });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('OVERPAYMENT');
    expect(await feesOf(D1)).toMatchObject({ feesPaid: 50_000 });
    expect(await paymentsOf(D1)).toHaveLength(1);
  });

  it('refuses bad amounts, other desks, closed dossiers and unknown ones', async () => {
    expect((await t.as(officer, { method: 'POST', url: `/api/dossiers/${D1}/payments`, payload: { kind: 'charge', name: 'Lệ phí', amount: 0 } })).statusCode).toBe(400);
    expect((await t.as(officer, { method: 'POST', url: `/api/dossiers/${D1}/payments`, payload: { kind: 'charge', name: 'Lệ phí', amount: 10.5 } })).statusCode).toBe(400);
    // a commune desk did not receive it; department staff do not receive dossiers at all
    expect((await t.as(commune, { method: 'POST', url: `/api/dossiers/${D1}/payments`, payload: { kind: 'charge', name: 'Lệ phí', amount: 1_000 } })).statusCode).toBe(403);
    expect((await t.as(staff, { method: 'POST', url: `/api/dossiers/${D1}/payments`, payload: { kind: 'charge', name: 'Lệ phí', amount: 1_000 } })).statusCode).toBe(403);
    expect((await t.as(officer, { method: 'POST', url: `/api/dossiers/${D3}/payments`, payload: { kind: 'charge', name: 'Lệ phí', amount: 1_000 } })).statusCode).toBe(409);
    expect((await t.as(officer, { method: 'POST', url: '/api/dossiers/01900000-0000-7000-8000-0000000000ff/payments', payload: { kind: 'charge', name: 'Lệ phí', amount: 1_000 } })).statusCode).toBe(404);
    expect(await feesOf(D1)).toMatchObject({ feesPaid: 50_000 });
  });

  it('lists the fees and payments to the officers who may read the dossier', async () => {
    const res = await t.as(staff, { method: 'GET', url: `/api/dossiers/${D1}/payments` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ feesDue: 150_000, feesPaid: 50_000, outstanding: 100_000, payments: [{ name: 'Lệ phí cấp giấy phép', amount: 50_000, channel: 'cash' }] });
    expect((await t.as(commune, { method: 'GET', url: `/api/dossiers/${D1}/payments` })).statusCode).toBe(403);
  });
});

describe('online payment', () => {
  it('starts a pending payment of what is outstanding, confirms it once with a valid signature', async () => {
    const start = await t.app.inject({ method: 'POST', url: '/api/public/dossiers/an-giang/payments', payload: { code: 'TEST.PAY-261127-0001', contact: '+84 909 123 456' } });
    expect(start.statusCode, start.body).toBe(201);
    const { reference, amount, paymentUrl, state } = start.json();
    expect({ amount, state }).toEqual({ amount: 100_000, state: 'pending' });
    expect(paymentUrl).toContain(reference);
    // starting again reuses the pending payment
    const again = await t.app.inject({ method: 'POST', url: '/api/public/dossiers/an-giang/payments', payload: { code: 'TEST.PAY-261127-0001', contact: '091111222333' } });
    expect(again.json().reference).toBe(reference);

    const callback = { reference, transactionId: 'NPP-0001', amount: 100_000, status: 'paid' as const };
    const forged = await t.app.inject({ method: 'POST', url: '/api/public/payments/national_platform/callback', payload: { ...callback, signature: sign({ ...callback, amount: 1 }) } });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('PAYMENT_SIGNATURE_INVALID');
    // signed for the other channel: not valid on this one
    expect((await t.app.inject({ method: 'POST', url: '/api/public/payments/national_platform/callback', payload: { ...callback, signature: sign(callback, 'provincial_gateway') } })).statusCode).toBe(400);
    expect(await feesOf(D1)).toMatchObject({ feesPaid: 50_000, paidOnline: 0 });

    const ok = await t.app.inject({ method: 'POST', url: '/api/public/payments/national_platform/callback', payload: { ...callback, signature: sign(callback) } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ reference, state: 'paid', dossierCode: 'TEST.PAY-261127-0001', feesPaid: 150_000, outstanding: 0 });
    expect(await feesOf(D1)).toEqual({ feesDue: 150_000, feesPaid: 150_000, paidOnline: 1 });

    // the provider repeats its callback: the same answer, nothing counted twice
    const repeat = await t.app.inject({ method: 'POST', url: '/api/public/payments/national_platform/callback', payload: { ...callback, signature: sign(callback) } });
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json().feesPaid).toBe(150_000);
    expect(await feesOf(D1)).toMatchObject({ feesPaid: 150_000 });
    expect((await paymentsOf(D1)).map((p) => [p.channel, p.state, p.amount])).toEqual([
      ['cash', 'paid', 50_000],
      ['national_platform', 'paid', 100_000],
    ]);
    const nothing = await t.app.inject({ method: 'POST', url: '/api/public/dossiers/an-giang/payments', payload: { code: 'TEST.PAY-261127-0001', contact: '0909123456' } });
    expect(nothing.statusCode).toBe(409);
  });

  it('refuses a callback that would pay more than is due, an unknown reference and a wrong contact', async () => {
    const start = await t.app.inject({ method: 'POST', url: '/api/public/dossiers/an-giang/payments', payload: { code: 'TEST.PAY-261127-0002', contact: '0909123456', channel: 'provincial_gateway' } });
    expect(start.statusCode, start.body).toBe(201);
    const { reference } = start.json();
    // meanwhile the applicant pays everything at the counter
    expect((await t.as(officer, { method: 'POST', url: `/api/dossiers/${D2}/payments`, payload: { kind: 'charge', name: 'Lệ phí', amount: 150_000 } })).statusCode).toBe(201);
    const callback = { reference, transactionId: 'TT-0009', amount: 150_000, status: 'paid' as const };
    const over = await t.app.inject({ method: 'POST', url: '/api/public/payments/provincial_gateway/callback', payload: { ...callback, signature: sign(callback, 'provincial_gateway') } });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('OVERPAYMENT');
    expect(await feesOf(D2)).toEqual({ feesDue: 150_000, feesPaid: 150_000, paidOnline: 0 });
    expect((await paymentsOf(D2)).find((p) => p.providerRef === reference)!.state).toBe('pending');

    const unknown = { ...callback, reference: 'TT00000000000000000000' };
    expect((await t.app.inject({ method: 'POST', url: '/api/public/payments/provincial_gateway/callback', payload: { ...unknown, signature: sign(unknown, 'provincial_gateway') } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/dossiers/an-giang/payments', payload: { code: 'TEST.PAY-261127-0002', contact: '0900000000' } })).statusCode).toBe(404);
    // another province does not know this dossier
    expect((await t.app.inject({ method: 'POST', url: '/api/public/dossiers/thu-nghiem/payments', payload: { code: 'TEST.PAY-261127-0002', contact: '0909123456' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/dossiers/an-giang/payments', payload: { code: 'TEST.PAY-261127-0003', contact: '0909123456' } })).statusCode).toBe(409);
  });
});
