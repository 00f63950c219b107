import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { documentRegisters, documents } from '../documents/tables.js';
import { dossiers } from '../dossiers/tables.js';
import { procedures } from '../procedures/tables.js';

let t: TestApp;
let leader: Session;
let specialist: Session;
let staff: Session;
let commune: Session;
let otherAdmin: Session;
const P = '01900000-0000-7000-8000-00000000d001';
const P2 = '01900000-0000-7000-8000-00000000d002';
const D = (n: number) => `01900000-0000-7000-8000-0000000d${String(n).padStart(4, '0')}`;
const DOC = (n: number) => `01900000-0000-7000-8000-0000000c${String(n).padStart(4, '0')}`;
const at = (date: string, hm: string) => new Date(`${date}T${hm}:00+07:00`);
// March 2026 is over (the cut-off is 01/04/2026 00:00) and holds nothing of the demo
const PERIOD = 'from=2026-03-01&to=2026-03-31';
const DAY_MS = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  [leader, specialist, staff, commune, otherAdmin] = (await Promise.all(['lanhdao', 'chuyenvien', 'so', 'xa', 'tn.admin'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session];
  const db = t.database.db;
  const tenantId = leader.user.tenant.id;
  const A = staff.user.agency.id;
  const B = commune.user.agency.id;
  const proc = { field: 'Tài chính', level: 'province' as const, receivingAgencyName: 'Trung tâm Phục vụ hành chính công', timeLimit: 10, timeUnit: 'working_days' as const, result: 'Giấy chứng nhận', resultPaper: false, onlineService: 'full' as const, fees: [] };
  await db.insert(procedures).values([
    { ...proc, id: P, tenantId, code: 'TEST-DRILL.01', name: 'Thủ tục thử danh sách', competentAgencyId: A, competentAgencyName: 'Sở Tài chính' },
    { ...proc, id: P2, tenantId: otherAdmin.user.tenant.id, code: 'TEST-DRILL.02', name: 'Thủ tục của tỉnh khác', competentAgencyId: otherAdmin.user.agency.id, competentAgencyName: 'Cơ quan thử' },
  ]);
  const base = { tenantId, procedureId: P, procedureCode: 'TEST-DRILL.01', procedureName: 'Thủ tục thử danh sách', applicantKind: 'person' as const, applicantName: 'Nguyễn Văn An', applicantIdNumber: '091234567890', applicantPhone: '0912345678', applicantAddress: 'Long Xuyên', handlingAgencyId: A };
  const one = (n: number, received: Date | null, extra: Partial<typeof dossiers.$inferInsert>) => ({
    ...base,
    id: D(n),
    code: received ? `TEST.DR-${n}` : null,
    channel: 1 as const,
    status: 4 as const,
    submittedAt: received ?? at('2026-03-09', '08:00'),
    receivedAt: received,
    appointmentAt: received ? at('2026-03-25', '16:00') : null,
    ...extra,
  });
  await db.insert(dossiers).values([
    // received at 00:10 on 1 March in Việt Nam (still 28 February in UTC), online, ended early
    one(1, at('2026-03-01', '00:10'), { channel: 2, status: 10, processedAt: at('2026-03-03', '08:30'), endedAt: at('2026-03-03', '08:30'), returnedAt: at('2026-03-04', '08:00'), outcome: 'early' }),
    // received late on 28 February: resolved (on time) in March, not received in it
    one(2, at('2026-02-28', '23:50'), { status: 9, processedAt: at('2026-03-02', '08:30'), endedAt: at('2026-03-02', '08:30'), outcome: 'on_time' }),
    // ended late at 23:30 on 31 March (1 April in no time zone that counts)
    one(3, at('2026-03-10', '09:00'), { status: 9, processedAt: at('2026-03-31', '23:30'), endedAt: at('2026-03-31', '23:30'), outcome: 'late' }),
    // online, ended ten minutes after the cut-off: not resolved in March, open (and overdue) at its end
    one(4, at('2026-03-20', '09:00'), { channel: 2, status: 9, processedAt: at('2026-04-01', '00:10'), endedAt: at('2026-04-01', '00:10'), outcome: 'late' }),
    // received a minute before midnight on 31 March, due in April: open in time
    one(5, at('2026-03-31', '23:59'), { appointmentAt: at('2026-04-15', '16:00') }),
    // waiting for a supplement since before its appointment: the clock stands still, in time
    one(6, at('2026-03-05', '09:00'), { status: 5, supplementCount: 1, pausedSince: at('2026-03-20', '08:00') }),
    // a second supplement request: overdue whatever the appointment (domain file §2.5)
    one(7, at('2026-03-06', '09:00'), { status: 5, supplementCount: 2, pausedSince: at('2026-03-28', '08:00'), appointmentAt: at('2026-04-30', '16:00') }),
    // ten days of earlier waiting taken off: 22 March < 25 March, in time (without them: overdue)
    one(8, at('2026-03-07', '09:00'), { pausedMs: 10 * DAY_MS }),
    // submitted online, never received: counted nowhere
    one(9, null, { channel: 2, status: 1 }),
    // withdrawn without an outcome: received, neither resolved nor open
    one(10, at('2026-03-12', '09:00'), { status: 7, endedAt: at('2026-03-15', '09:00') }),
    // the commune's: online, ended late
    one(11, at('2026-03-11', '09:00'), { handlingAgencyId: B, channel: 2, status: 9, processedAt: at('2026-03-13', '09:00'), endedAt: at('2026-03-13', '09:00'), outcome: 'late' }),
    // the other province's, received in March: never in this province's lists
    { ...one(12, at('2026-03-16', '09:00'), { status: 4 }), tenantId: otherAdmin.user.tenant.id, procedureId: P2, handlingAgencyId: otherAdmin.user.agency.id },
  ]);

  const registers = { in: DOC(900), out: DOC(901), inB: DOC(902) };
  await db.insert(documentRegisters).values([
    { id: registers.in, tenantId, agencyId: A, direction: 'incoming', name: 'Sổ đến thử', secret: false },
    { id: registers.out, tenantId, agencyId: A, direction: 'outgoing', name: 'Sổ đi thử', secret: false },
    { id: registers.inB, tenantId, agencyId: B, direction: 'incoming', name: 'Sổ đến thử', secret: false },
  ]);
  const doc = { tenantId, agencyId: A, channel: 'electronic' as const, senderName: 'Bộ Tài chính', typeCode: 'CV', urgency: 'normal', confidentiality: 'normal', createdBy: staff.user.id };
  const incoming = (n: number, received: Date, extra: Partial<typeof documents.$inferInsert> = {}) => ({
    ...doc,
    id: DOC(n),
    direction: 'incoming' as const,
    subject: `Công văn đến số ${n}`,
    status: 'registered' as const,
    registerId: registers.in,
    arrivalNumber: n,
    arrivalYear: 2026,
    receivedAt: received,
    codeNumber: String(100 + n),
    codeNotation: 'BTC-VP',
    issuedDate: '2026-02-27',
    ...extra,
  });
  const outgoing = (n: number, status: 'issued' | 'recalled' | 'approved', issued: Date | null) => ({
    ...doc,
    id: DOC(n),
    direction: 'outgoing' as const,
    subject: `Công văn đi số ${n}`,
    status,
    registerId: registers.out,
    senderName: 'Sở Tài chính',
    ...(issued ? { issuedAt: issued, issueNumber: n, issueYear: 2026, codeNumber: String(n), codeNotation: 'STC-VP', issuedDate: '2026-03-10' } : {}),
  });
  await db.insert(documents).values([
    incoming(1, at('2026-03-01', '00:05')),
    incoming(2, at('2026-02-28', '23:55')),
    incoming(3, at('2026-03-31', '23:55'), { confidentiality: 'secret', subject: 'Nội dung mật' }),
    incoming(4, at('2026-03-15', '09:00'), { agencyId: B, registerId: registers.inB }),
    outgoing(11, 'issued', at('2026-03-10', '10:00')),
    outgoing(12, 'recalled', at('2026-03-12', '10:00')),
    outgoing(13, 'approved', null),
    outgoing(14, 'issued', at('2026-04-01', '00:05')),
    outgoing(15, 'issued', at('2026-03-31', '23:59')),
  ]);
});
afterAll(() => t.close());

type DossierList = { period: { from: string; to: string; scopeName: string; cutoff: string }; items: { id: string; code: string | null; handlingAgencyName: string; receivedAt: string | null; endedAt: string | null; outcome: string | null; status: number }[]; total: number };
type DocumentList = { items: { id: string; number: string | null; arrivalNumber: number | null; subject: string | null; confidential: boolean; agencyName: string; day: string }[]; total: number };

const get = async <T>(s: Session, url: string): Promise<T> => {
  const res = await t.as(s, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const dossierList = (s: Session, query: string) => get<DossierList>(s, `/api/stats/dossiers?${PERIOD}&${query}`);
const documentList = (s: Session, query: string) => get<DocumentList>(s, `/api/stats/documents?${PERIOD}&${query}`);
const codes = (l: DossierList) => l.items.map((i) => i.code);

// measure → the dashboard's field
const MEASURES = { received: ['received'], online: ['online'], resolved: ['resolved'], early_or_on_time: ['early', 'onTime'], early: ['early'], on_time: ['onTime'], late: ['late'], open_in_time: ['openInTime'], open_overdue: ['openOverdue'] } as const;
const figureOf = (dossiers: Record<string, number>, fields: readonly string[]) => fields.reduce((n, f) => n + dossiers[f]!, 0);

describe('the lists behind the dashboard’s numbers', () => {
  it('hold, for every dossier measure and scope, exactly as many dossiers as the dashboard counts', async () => {
    const A = staff.user.agency.id;
    const B = commune.user.agency.id;
    // worked out by hand from the dossiers above: province, Sở Tài chính, the commune
    const expected: Record<keyof typeof MEASURES, [number, number, number]> = {
      received: [9, 8, 1],
      online: [3, 2, 1],
      resolved: [4, 3, 1],
      early_or_on_time: [2, 2, 0],
      early: [1, 1, 0],
      on_time: [1, 1, 0],
      late: [2, 1, 1],
      open_in_time: [3, 3, 0],
      open_overdue: [2, 2, 0],
    };
    for (const [i, scope] of (['', `agencyId=${A}`, `agencyId=${B}`] as const).entries()) {
      const dashboard = (await get<{ dossiers: Record<string, number>; documents: Record<string, number> }>(leader, `/api/stats/dashboard?${PERIOD}&${scope}`)).dossiers;
      for (const [measure, fields] of Object.entries(MEASURES) as [keyof typeof MEASURES, readonly string[]][]) {
        const list = await dossierList(leader, `measure=${measure}&pageSize=100&${scope}`);
        expect({ scope, measure, total: list.total }).toEqual({ scope, measure, total: expected[measure][i] });
        expect({ scope, measure, total: list.total }).toEqual({ scope, measure, total: figureOf(dashboard, fields) });
        expect(list.items).toHaveLength(list.total);
      }
    }
  });

  it('agree with the dashboard for a period running to today too, whose open dossiers are judged now', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const period = `from=2026-03-01&to=${today}`;
    for (const scope of ['', `agencyId=${staff.user.agency.id}`]) {
      const dashboard = (await get<{ dossiers: Record<string, number> & { openInTime: number; openOverdue: number } }>(leader, `/api/stats/dashboard?${period}&${scope}`)).dossiers;
      for (const [measure, fields] of Object.entries(MEASURES)) {
        const list = await get<DossierList>(leader, `/api/stats/dossiers?${period}&measure=${measure}&pageSize=1&${scope}`);
        expect({ scope, measure, total: list.total }).toEqual({ scope, measure, total: figureOf(dashboard, fields) });
      }
      // the demo's dossiers are being processed now: a comparison of zeros would prove nothing
      expect(dashboard.openInTime + dashboard.openOverdue).toBeGreaterThan(0);
    }
  });

  it('names the dossiers themselves, in the order of the day they count on', async () => {
    const received = await dossierList(leader, 'measure=received');
    expect(codes(received)).toEqual(['TEST.DR-1', 'TEST.DR-6', 'TEST.DR-7', 'TEST.DR-8', 'TEST.DR-3', 'TEST.DR-11', 'TEST.DR-10', 'TEST.DR-4', 'TEST.DR-5']);
    expect(received.period).toMatchObject({ from: '2026-03-01', to: '2026-03-31', scopeName: 'Toàn tỉnh', cutoff: '2026-03-31T17:00:00.000Z' });
    expect(received.items[0]).toMatchObject({ id: D(1), handlingAgencyName: 'Sở Tài chính', receivedAt: '2026-02-28T17:10:00.000Z', outcome: 'early', status: 10 });
    expect(codes(await dossierList(leader, 'measure=late'))).toEqual(['TEST.DR-11', 'TEST.DR-3']);
    expect(codes(await dossierList(leader, 'measure=on_time'))).toEqual(['TEST.DR-2']);
    expect(codes(await dossierList(leader, 'measure=early_or_on_time'))).toEqual(['TEST.DR-2', 'TEST.DR-1']);
    // the earliest appointment first
    expect(codes(await dossierList(leader, 'measure=open_overdue'))).toEqual(['TEST.DR-4', 'TEST.DR-7']);
    expect(codes(await dossierList(leader, 'measure=open_in_time'))).toEqual(['TEST.DR-6', 'TEST.DR-8', 'TEST.DR-5']);
    // the other province sees only its own dossier
    const other = await dossierList(otherAdmin, 'measure=received');
    expect(other.items.map((i) => i.id)).toEqual([D(12)]);
  });

  it('pages without losing or repeating a dossier', async () => {
    const all = codes(await dossierList(leader, 'measure=received&pageSize=100'));
    const pages = await Promise.all([1, 2, 3].map((page) => dossierList(leader, `measure=received&pageSize=4&page=${page}`)));
    expect(pages.map((p) => p.total)).toEqual([9, 9, 9]);
    expect(pages.map((p) => p.items.length)).toEqual([4, 4, 1]);
    expect(pages.flatMap(codes)).toEqual(all);
  });

  it('lists the documents registered and issued in the period as counted, hiding a secret one’s subject', async () => {
    const A = staff.user.agency.id;
    for (const scope of ['', `agencyId=${A}`]) {
      const dashboard = (await get<{ documents: { incoming: number; outgoing: number } }>(leader, `/api/stats/dashboard?${PERIOD}&${scope}`)).documents;
      expect((await documentList(leader, `direction=incoming&${scope}`)).total).toBe(dashboard.incoming);
      expect((await documentList(leader, `direction=outgoing&${scope}`)).total).toBe(dashboard.outgoing);
    }
    const incoming = await documentList(leader, 'direction=incoming');
    expect(incoming.total).toBe(3);
    expect(incoming.items.map((d) => d.id)).toEqual([DOC(1), DOC(4), DOC(3)]);
    // registered at 00:05 on 1 March in Việt Nam: that is its day
    expect(incoming.items[0]).toEqual({ id: DOC(1), direction: 'incoming', number: '101/BTC-VP', arrivalNumber: 1, subject: 'Công văn đến số 1', confidential: false, agencyId: A, agencyName: 'Sở Tài chính', senderName: 'Bộ Tài chính', day: '2026-03-01' });
    expect(incoming.items[2]).toMatchObject({ subject: null, confidential: true, day: '2026-03-31' });
    const outgoing = await documentList(leader, `direction=outgoing&agencyId=${A}`);
    expect(outgoing.items.map((d) => [d.number, d.day])).toEqual([
      ['11/STC-VP', '2026-03-10'],
      ['12/STC-VP', '2026-03-12'],
      ['15/STC-VP', '2026-03-31'],
    ]);
  });

  it('refuses a bad measure, a page too large, a reversed period and a caller without stats.read, changing nothing', async () => {
    const status = async (s: Session, url: string) => (await t.as(s, { method: 'GET', url })).statusCode;
    expect(await status(leader, `/api/stats/dossiers?${PERIOD}`)).toBe(400);
    expect(await status(leader, `/api/stats/dossiers?${PERIOD}&measure=overdue`)).toBe(400);
    expect(await status(leader, `/api/stats/dossiers?${PERIOD}&measure=late&pageSize=101`)).toBe(400);
    expect(await status(leader, `/api/stats/documents?${PERIOD}&direction=sideways`)).toBe(400);
    const reversed = await t.as(leader, { method: 'GET', url: '/api/stats/dossiers?from=2026-03-31&to=2026-03-01&measure=late' });
    expect(reversed.statusCode).toBe(400);
    expect(JSON.stringify(reversed.json())).toMatch(/Ngày bắt đầu/);
    expect(await status(leader, `/api/stats/documents?${PERIOD}&direction=incoming&agencyId=${otherAdmin.user.agency.id}`)).toBe(400);
    expect(await status(specialist, `/api/stats/dossiers?${PERIOD}&measure=late`)).toBe(403);
    expect(await status(specialist, `/api/stats/documents?${PERIOD}&direction=incoming`)).toBe(403);
  });
});
