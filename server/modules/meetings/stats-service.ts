import type { z } from 'zod';
import { scopeOf } from '../../platform/auth/permissions.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Db } from '../../db/open.js';
import { DomainError } from '../../platform/http/errors.js';
import { getTaskScoreboard } from '../tasks/index.js';
import * as repo from './stats-repo.js';
import type { MeetingStatsQuery } from './stats-schemas.js';
import { DELEGATION_KINDS, MEETING_KINDS } from './tables.js';

const dayStart = (date: string) => new Date(`${date}T00:00:00+07:00`);

/** Meetings per working day, rounded half up to 2 decimals (the Office reports "0,93 cuộc/ngày"). */
export const perWorkingDay = (total: number, workingDays: number): number | null => (workingDays === 0 ? null : Math.round((total / workingDays) * 100) / 100);

/**
 * The Office's figures for a period: meetings and conferences (not cancelled) by kind and per working day,
 * online meetings with their connected sites, delegations, and tasks by status per agency. Those who
 * organize meetings or give tasks see them.
 */
export async function getMeetingStats(ctx: ServiceContext, q: z.output<typeof MeetingStatsQuery>, now = new Date()) {
  if (!scopeOf(ctx.actor, 'meeting.manage') && !scopeOf(ctx.actor, 'task.assign')) throw new DomainError('FORBIDDEN');
  const today = vietnamDate(now);
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 8)}01`;
  if (from > to) throw new DomainError('BAD_REQUEST', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', { errors: [{ path: 'from', message: 'Sau ngày kết thúc' }] });
  const start = dayStart(from);
  const end = dayStart(addDays(to, 1));
  const [calendar, kinds, sites, dels, board] = await Promise.all([
    loadWorkCalendar(ctx.db, ctx.actor.tenantId),
    repo.meetingCounts(ctx.db, ctx.actor.tenantId, start, end),
    repo.siteCounts(ctx.db, ctx.actor.tenantId, start, end),
    repo.delegationCounts(ctx.db, ctx.actor.tenantId, from, to),
    getTaskScoreboard(ctx, { from, to, group: 'all' }, now),
  ]);
  const workingDays = calendar.countWorkingDays(from, to);
  const total = kinds.reduce((s, k) => s + k.n, 0);
  const dcount = (state: string, kind?: string) => dels.filter((d) => d.state === state && (!kind || d.kind === kind)).reduce((s, d) => s + d.n, 0);
  const counts = (c: { assigned: number; doneOnTime: number; doneLate: number; overdue: number; inProgress: number; onTimeRate: number | null }) => ({
    assigned: c.assigned,
    doneOnTime: c.doneOnTime,
    doneLate: c.doneLate,
    overdue: c.overdue,
    inProgress: c.inProgress,
    onTimeRate: c.onTimeRate,
  });
  return {
    from,
    to,
    workingDays,
    meetings: {
      total,
      held: kinds.reduce((s, k) => s + k.held, 0),
      perWorkingDay: perWorkingDay(total, workingDays),
      byKind: MEETING_KINDS.map((kind) => ({ kind, count: kinds.find((k) => k.kind === kind)?.n ?? 0 })),
    },
    online: { meetings: kinds.reduce((s, k) => s + k.online, 0), connectedSites: sites.sites, siteConnections: sites.connections },
    delegations: { received: dcount('received'), planned: dcount('planned'), cancelled: dcount('cancelled'), byKind: DELEGATION_KINDS.map((kind) => ({ kind, received: dcount('received', kind) })) },
    tasks: { rows: board.rows.map((r) => ({ agencyId: r.agencyId, agencyName: r.agencyName, ...counts(r) })), total: counts(board.total) },
  };
}

/**
 * The meeting figures of the leadership dashboard for a period (no permission check: the caller holds stats.read):
 * meetings and conferences, the online ones and their distinct connected sites, central delegations received, and
 * the meetings per month.
 */
export async function meetingFigures(db: Db, tenantId: string, from: string, to: string) {
  const start = dayStart(from);
  const end = dayStart(addDays(to, 1));
  const [kinds, sites, dels, months] = await Promise.all([
    repo.meetingCounts(db, tenantId, start, end),
    repo.siteCounts(db, tenantId, start, end),
    repo.delegationCounts(db, tenantId, from, to),
    repo.meetingMonths(db, tenantId, start, end),
  ]);
  return {
    total: kinds.reduce((s, k) => s + k.n, 0),
    online: kinds.reduce((s, k) => s + k.online, 0),
    connectedSites: sites.sites,
    delegations: dels.filter((d) => d.state === 'received' && d.kind === 'central').reduce((s, d) => s + d.n, 0),
    delegationsAll: dels.filter((d) => d.state === 'received').reduce((s, d) => s + d.n, 0),
    byKind: MEETING_KINDS.map((kind) => ({ kind, count: kinds.find((k) => k.kind === kind)?.n ?? 0 })),
    months,
  };
}
