import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import type { WorkCalendar } from '../platform/calendar/index.js';
import type { ProcedureStepRow } from '../modules/procedures/index.js';
import type { Actor, Role } from '../platform/auth/permissions.js';
import { loadWorkCalendar } from '../platform/calendar/service.js';
import { vietnamDate } from '../platform/calendar/index.js';
import { receiveDossier } from '../modules/dossiers/intake.js';
import { acceptOnlineDossier, refuseOnlineDossier, submitOnlineDossier } from '../modules/dossiers/intake-online.js';
import { completeSupplement, requestSupplement, returnDossierResult, stopDossier, withdrawDossier } from '../modules/dossiers/processing.js';
import { appendDossierEvent } from '../modules/dossiers/events.js';
import { dossierSettings } from '../modules/dossiers/settings.js';
import { enterStep, nextStep, stepOutcome } from '../modules/dossiers/steps.js';
import { dossiers } from '../modules/dossiers/tables.js';
import { dossierOutcome, vietnamMidnight } from '../modules/dossiers/timing.js';
import { agencies, tenants, userRoles, users } from '../modules/org/tables.js';
import { procedureComponents, procedureSteps, procedures } from '../modules/procedures/tables.js';
import type { ApplicantInput } from '../modules/dossiers/intake-schemas.js';

const PEOPLE = ['motcua', 'so', 'truongphongso', 'giamdocso', 'vanthuso', 'xa', 'chutichxa'] as const;
type Person = (typeof PEOPLE)[number];

const CITIZENS: ApplicantInput[] = [
  ['Nguyễn Văn Bình', '091085001234', '0913 456 789', 'Số 15 Nguyễn Trung Trực, phường Rạch Giá'],
  ['Trần Thị Mai', '091190004321', '0987 112 233', 'Ấp Tân Điền, xã Châu Thành'],
  ['Lê Hoàng Phúc', '089092007788', '0909 334 455', '27 Trần Hưng Đạo, phường Long Xuyên'],
  ['Phạm Ngọc Hân', '091195006655', '0932 778 899', '102 Lâm Quang Ky, phường Rạch Giá'],
  ['Huỳnh Minh Trí', '089088003311', '0945 221 100', 'Tổ 4, khóm Đông Thịnh, phường Long Xuyên'],
  ['Võ Thị Kim Ngân', '091199008822', '0976 543 210', '9 Mạc Cửu, phường Rạch Giá'],
].map(([name, idNumber, phone, address]) => ({ kind: 'person' as const, name: name!, idNumber: idNumber!, phone: phone!.replace(/\s/g, ''), address: address!, verified: true }));

const BUSINESSES: ApplicantInput[] = [
  ['Công ty TNHH Thương mại Hòn Đất', '1702345678', 'Trần Văn Lực', '0297 3861 234', 'Quốc lộ 80, xã Hòn Đất'],
  ['Công ty Cổ phần Thủy sản Kiên Hải', '1701122334', 'Nguyễn Thị Bích', '0297 3912 345', 'Cảng cá Tắc Cậu, xã Châu Thành'],
  ['Doanh nghiệp tư nhân Phú Quốc Xanh', '1700998877', 'Lâm Quốc Hùng', '0297 3845 678', 'Đường 30/4, đặc khu Phú Quốc'],
].map(([name, idNumber, representative, phone, address]) => ({ kind: 'business' as const, name: name!, idNumber: idNumber!, representative: representative!, phone: phone!.replace(/\s/g, '').replace(/^0297/, '0297'), address: address!, verified: false }));

/** What happens to one demo dossier after it is received (or submitted online). */
interface Plan {
  level: 'province' | 'commune';
  desk: 'center1' | 'center2' | 'rachgia';
  /** working days before today it came in */
  daysAgo: number;
  online?: 'pending' | 'refused' | 'accepted';
  /** steps finished after the receipt (the reception step is the receipt itself) */
  advance: number;
  /** working hours each step takes */
  pace?: number;
  then?: 'supplement_open' | 'supplement_done' | 'two_supplements' | 'stop' | 'withdraw' | 'return';
  channel?: 1 | 3;
}

// ~40 dossiers: every status, at both Center locations and Phường Rạch Giá, over the last five weeks.
const PLANS: Plan[] = [
  // new online, one of them past its 8 working hours
  { level: 'province', desk: 'center1', daysAgo: 0, online: 'pending', advance: 0 },
  { level: 'commune', desk: 'rachgia', daysAgo: 0, online: 'pending', advance: 0 },
  { level: 'province', desk: 'center1', daysAgo: 2, online: 'pending', advance: 0 },
  { level: 'commune', desk: 'rachgia', daysAgo: 3, online: 'refused', advance: 0 },
  // in processing, at each step
  { level: 'province', desk: 'center1', daysAgo: 0, advance: 0 },
  { level: 'province', desk: 'center2', daysAgo: 1, advance: 0, channel: 3 },
  { level: 'province', desk: 'center1', daysAgo: 1, advance: 1, pace: 2 },
  { level: 'province', desk: 'center2', daysAgo: 2, advance: 1, pace: 3 },
  { level: 'province', desk: 'center1', daysAgo: 2, advance: 2, pace: 3 },
  { level: 'province', desk: 'center1', daysAgo: 2, online: 'accepted', advance: 3, pace: 3 },
  { level: 'province', desk: 'center2', daysAgo: 3, advance: 4, pace: 3 },
  { level: 'commune', desk: 'rachgia', daysAgo: 0, advance: 0 },
  { level: 'commune', desk: 'rachgia', daysAgo: 1, advance: 1, pace: 2 },
  { level: 'commune', desk: 'center1', daysAgo: 1, advance: 2, pace: 2 },
  { level: 'commune', desk: 'rachgia', daysAgo: 1, online: 'accepted', advance: 1, pace: 1 },
  // late: still at the handler long after the appointment
  { level: 'province', desk: 'center1', daysAgo: 12, advance: 1, pace: 4 },
  { level: 'province', desk: 'center2', daysAgo: 9, advance: 2, pace: 4 },
  { level: 'commune', desk: 'rachgia', daysAgo: 8, advance: 1, pace: 4 },
  // waiting for a supplement, or supplemented
  { level: 'province', desk: 'center1', daysAgo: 3, advance: 2, pace: 2, then: 'supplement_open' },
  { level: 'commune', desk: 'rachgia', daysAgo: 2, advance: 1, pace: 2, then: 'supplement_open' },
  { level: 'province', desk: 'center2', daysAgo: 8, advance: 2, pace: 2, then: 'supplement_done' },
  { level: 'province', desk: 'center1', daysAgo: 14, advance: 2, pace: 2, then: 'two_supplements' },
  // processed, waiting at the desk to be returned
  { level: 'province', desk: 'center1', daysAgo: 4, advance: 5, pace: 3 },
  { level: 'province', desk: 'center2', daysAgo: 5, advance: 5, pace: 4 },
  { level: 'commune', desk: 'rachgia', daysAgo: 2, advance: 3, pace: 2 },
  // returned: early, on time, late
  { level: 'province', desk: 'center1', daysAgo: 20, advance: 5, pace: 2, then: 'return' },
  { level: 'province', desk: 'center1', daysAgo: 18, advance: 5, pace: 4, then: 'return' },
  { level: 'province', desk: 'center2', daysAgo: 16, advance: 5, pace: 5, then: 'return' },
  { level: 'province', desk: 'center2', daysAgo: 22, advance: 5, pace: 8, then: 'return' },
  { level: 'province', desk: 'center1', daysAgo: 10, online: 'accepted', advance: 5, pace: 3, then: 'return' },
  { level: 'commune', desk: 'rachgia', daysAgo: 15, advance: 3, pace: 1, then: 'return' },
  { level: 'commune', desk: 'rachgia', daysAgo: 12, advance: 3, pace: 2, then: 'return' },
  { level: 'commune', desk: 'center2', daysAgo: 11, advance: 3, pace: 3, then: 'return' },
  { level: 'commune', desk: 'rachgia', daysAgo: 24, advance: 3, pace: 6, then: 'return' },
  { level: 'commune', desk: 'rachgia', daysAgo: 6, online: 'accepted', advance: 3, pace: 2, then: 'return' },
  { level: 'province', desk: 'center1', daysAgo: 13, advance: 5, pace: 3, then: 'supplement_done' },
  // stopped, withdrawn
  { level: 'province', desk: 'center1', daysAgo: 7, advance: 2, pace: 3, then: 'stop' },
  { level: 'commune', desk: 'rachgia', daysAgo: 5, advance: 1, pace: 2, then: 'stop' },
  { level: 'province', desk: 'center2', daysAgo: 4, advance: 1, pace: 2, then: 'withdraw' },
  { level: 'commune', desk: 'rachgia', daysAgo: 9, advance: 0, then: 'withdraw' },
];

/**
 * Dossiers in every state at the Center's two locations and Phường Rạch Giá, received over the last five
 * weeks, made through the intake and processing services themselves (so codes, appointments, events and
 * outcomes are what the app would have produced). Procedures: Sở Tài chính's and the commune level's.
 */
export async function seedDemoDossiers(tx: Db, tenantId: string, now: Date = new Date()): Promise<void> {
  const people = await loadPeople(tx, tenantId);
  if (!people) return;
  const [tenant] = await tx.select({ code: tenants.code }).from(tenants).where(eq(tenants.id, tenantId));
  const [center2] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.type, 'service_center_location')))
    .orderBy(asc(agencies.sortOrder))
    .offset(1)
    .limit(1);
  const catalog = await loadCatalog(tx, tenantId, people.so.agencyId);
  if (!tenant || !center2 || catalog.province.length === 0 || catalog.commune.length === 0) return;

  const calendar = await loadWorkCalendar(tx, tenantId);
  const today = vietnamDate(now);
  // the last working day up to today (a seed run on a Sunday puts "today's" dossiers on Friday)
  const lastDay = calendar.isWorkingDay(today).workingDay ? today : calendar.addWorkingDays(today, -1);
  const desks = {
    center1: people.motcua,
    // no demo account sits at location 2: its desk acts through the one-stop officer's identity there
    center2: { ...people.motcua, agencyId: center2.id },
    rachgia: people.xa,
  };
  const ctxOf = (actor: Actor) => ({ db: tx, actor });
  const version = async (id: string) => (await tx.select({ v: dossiers.version }).from(dossiers).where(eq(dossiers.id, id)))[0]!.v;

  for (const [i, plan] of PLANS.entries()) {
    const list = catalog[plan.level];
    const procedure = list[i % list.length]!;
    const applicant = plan.level === 'province' && i % 3 === 0 ? BUSINESSES[i % BUSINESSES.length]! : CITIZENS[i % CITIZENS.length]!;
    const offset = 0.5 + (i % 7) * 0.75;
    let at = calendar.addWorkingHours(vietnamMidnight(calendar.addWorkingDays(lastDay, -plan.daysAgo)), offset);
    // today's office hours have not reached that time yet: the working day before
    if (at.getTime() >= now.getTime()) at = calendar.addWorkingHours(vietnamMidnight(calendar.addWorkingDays(lastDay, -plan.daysAgo - 1)), offset);
    const desk = desks[plan.desk];
    const input = {
      procedureId: procedure.id,
      applicant,
      handlingAgencyId: plan.level === 'commune' ? people.xa.agencyId : undefined,
      components: procedure.components.filter((c, k) => c.required || k % 2 === 0).map((c) => ({ procedureComponentId: c.id, fromCitizenStore: false })),
    };
    const firstPerson = plan.level === 'province' ? people.truongphongso.userId : people.xa.userId;

    let id: string;
    if (plan.online) {
      const submitted = await submitOnlineDossier({ db: tx }, tenant.code, { ...input, deliveryMethod: 'online' }, { now: at });
      id = submitted.id;
      if (plan.online === 'pending') continue;
      at = calendar.addWorkingHours(at, 2);
      if (at.getTime() >= now.getTime()) continue;
      if (plan.online === 'refused') {
        await refuseOnlineDossier(ctxOf(desk), id, { reasons: ['Tờ khai chưa có chữ ký của người yêu cầu', 'Ảnh chụp giấy tờ không đọc được'] }, { now: at });
        continue;
      }
      await acceptOnlineDossier(ctxOf(desk), id, { assigneeId: firstPerson }, { now: at });
    } else {
      const received = await receiveDossier(ctxOf(desk), { decision: 'receive', channel: plan.channel ?? 1, counter: `Quầy ${1 + (i % 4)}`, assigneeId: firstPerson, ...input }, { now: at });
      id = received.dossier!.id;
    }

    // Each step finished `pace` working hours after the previous one, as long as that is in the past.
    const pace = plan.pace ?? 2;
    const holders = holdersOf(plan.level, people);
    const returnDesk = desks[plan.desk];
    const handlerIndex = plan.level === 'province' ? 1 : 0;
    let position = 0;
    let waiting = false;
    for (; position < plan.advance; position++) {
      if (position === handlerIndex && plan.then && ['supplement_open', 'supplement_done', 'two_supplements'].includes(plan.then)) {
        const handler = holders[handlerIndex]!;
        const times = plan.then === 'two_supplements' ? 2 : 1;
        for (let s = 0; s < times && !waiting; s++) {
          const asked = calendar.addWorkingHours(at, 1);
          if (asked.getTime() >= now.getTime()) break;
          at = asked;
          await requestSupplement(ctxOf(handler), id, { reason: 'Hồ sơ chưa đầy đủ, chưa hợp lệ', items: [s === 0 ? 'Bản sao có chứng thực giấy tờ tùy thân' : 'Văn bản ủy quyền có chứng thực'] }, at);
          const back = calendar.addWorkingHours(at, 6);
          if (plan.then === 'supplement_open' || back.getTime() >= now.getTime()) waiting = true;
          else {
            at = back;
            await completeSupplement(ctxOf(handler), id, { note: 'Người nộp đã bổ sung tại quầy' }, at);
          }
        }
        if (waiting) break;
      }
      const next = calendar.addWorkingHours(at, pace);
      if (next.getTime() >= now.getTime()) break;
      at = next;
      const holder = holders[position]!;
      const nextPerson = position + 1 < holders.length ? holders[position + 1]!.userId : plan.desk === 'center2' ? undefined : returnDesk.userId;
      await advanceStep(tx, calendar, id, procedure.steps, holder, nextPerson ?? null, at);
    }
    if (position < plan.advance) continue;
    at = calendar.addWorkingHours(at, 1);
    if (at.getTime() >= now.getTime()) continue;
    if (plan.then === 'return') {
      await returnDossierResult(ctxOf(returnDesk), id, { resultSummary: `${procedure.result} số ${100 + i}/${plan.level === 'province' ? 'STC' : 'UBND'}`, resultElectronic: true, resultDigitized: true, version: await version(id) }, at);
    } else if (plan.then === 'stop') {
      await stopDossier(ctxOf(holders[Math.min(position, holders.length - 1)]!), id, { reason: 'Người nộp không bổ sung hồ sơ theo yêu cầu trong thời hạn', version: await version(id) }, at);
    } else if (plan.then === 'withdraw') {
      await withdrawDossier(ctxOf(returnDesk), id, { reason: 'Người nộp có đơn xin rút hồ sơ', version: await version(id) }, at);
    }
  }
}

type People = Record<Person, Actor>;

/** Who holds each step after the reception: Sở Tài chính's chain, or Phường Rạch Giá's. */
function holdersOf(level: 'province' | 'commune', p: People): Actor[] {
  return level === 'province' ? [p.truongphongso, p.so, p.truongphongso, p.giamdocso, p.vanthuso] : [p.xa, p.chutichxa, p.xa];
}

async function loadPeople(tx: Db, tenantId: string): Promise<People | null> {
  const rows = await tx
    .select({ id: users.id, username: users.username, fullName: users.fullName, agencyId: users.agencyId, unitId: users.unitId, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.tenantId, tenantId), inArray(users.username, [...PEOPLE])));
  const out: Partial<People> = {};
  for (const r of rows) {
    const known = out[r.username as Person];
    if (known) known.roles.push(r.role as Role);
    else out[r.username as Person] = { userId: r.id, tenantId, agencyId: r.agencyId, unitId: r.unitId, username: r.username, fullName: r.fullName, roles: [r.role as Role], via: 'session' };
  }
  return PEOPLE.every((u) => out[u]) ? (out as People) : null;
}

/** Sở Tài chính's procedures and the commune-level ones, with their components, that have a full process. */
async function loadCatalog(tx: Db, tenantId: string, stcId: string) {
  const rows = await tx
    .select({ id: procedures.id, level: procedures.level, agencyId: procedures.competentAgencyId, result: procedures.result, onlineService: procedures.onlineService })
    .from(procedures)
    .where(and(eq(procedures.tenantId, tenantId), eq(procedures.active, true)))
    .orderBy(asc(procedures.code));
  const usable = rows.filter((r) => r.onlineService !== 'none' && (r.level === 'commune' || r.agencyId === stcId));
  const ids = usable.map((r) => r.id);
  if (ids.length === 0) return { province: [], commune: [] };
  const components = await tx.select().from(procedureComponents).where(inArray(procedureComponents.procedureId, ids)).orderBy(asc(procedureComponents.position));
  const steps = await tx.select().from(procedureSteps).where(inArray(procedureSteps.procedureId, ids)).orderBy(asc(procedureSteps.position));
  const stepCount = new Map<string, number>();
  for (const s of steps) stepCount.set(s.procedureId, (stepCount.get(s.procedureId) ?? 0) + 1);
  const full = usable
    .filter((r) => stepCount.get(r.id) === (r.level === 'province' ? 7 : 5))
    .map((r) => ({ ...r, components: components.filter((c) => c.procedureId === r.id), steps: steps.filter((st) => st.procedureId === r.id) }));
  return { province: full.filter((r) => r.level === 'province'), commune: full.filter((r) => r.level === 'commune') };
}

/**
 * The hand-off `advanceDossierStep` makes (the finished step's outcome, the next step, status 9 and the
 * dossier's outcome when the step before the return is done), without its audit entry, notification and
 * re-read of the whole dossier: a hundred of those made the seed take seconds.
 */
async function advanceStep(tx: Db, calendar: WorkCalendar, id: string, steps: ProcedureStepRow[], holder: Actor, assigneeId: string | null, at: Date): Promise<void> {
  const { earlyRule } = dossierSettings();
  const [d] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  if (!d || d.status !== 4 || d.currentStep === null) return;
  const step = steps.find((s) => s.position === d.currentStep)!;
  const next = nextStep(steps, d.currentStep);
  const finished = { step: step.position, stepName: step.name, dueAt: d.currentStepDueAt, outcome: stepOutcome(at, d.currentStepDueAt, earlyRule) };
  if (next) await enterStep(tx, d, next, { assigneeId, actor: { id: holder.userId, name: holder.fullName }, at, calendar, finished });
  const processed = !next || next.role === 'return';
  if (!processed) {
    await tx.update(dossiers).set({ version: sql`${dossiers.version} + 1` }).where(eq(dossiers.id, id));
    return;
  }
  const outcome = dossierOutcome({ appointmentAt: d.originalAppointmentAt ?? d.appointmentAt ?? at, processedAt: at, pausedMs: d.pausedMs, supplementCount: d.supplementCount }, earlyRule);
  await tx.update(dossiers).set({ status: 9, processedAt: at, endedAt: at, outcome, updatedAt: at, version: sql`${dossiers.version} + 1` }).where(eq(dossiers.id, id));
  await appendDossierEvent(tx, id, { kind: 'processed', at, actorId: holder.userId, actorName: holder.fullName, fromStatus: 4, toStatus: 9, outcome });
}
