import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { agencies, tenants } from '../org/tables.js';

/** The figures start with the two-level local government (Resolution 202/2025/QH15 and the reform of 1 July 2025). */
export const DEFAULT_FROM = '2025-07-01';
export const COMMUNE_TYPES = ['commune_committee', 'ward_committee', 'special_zone_committee'] as const;
/** The units the index is computed for besides the province: departments and communes. */
export const UNIT_TYPES = ['department', ...COMMUNE_TYPES] as const;

export interface AgencyRef {
  id: string;
  name: string;
  type: string;
  sortOrder: number;
}

export interface ResolvedScope {
  tenantId: string;
  tenantName: string;
  from: string;
  to: string;
  today: string;
  /** the end of the period or now, whichever is earlier: what is still open is judged then */
  cutoff: Date;
  agency: AgencyRef | null;
  agencies: AgencyRef[];
}

const badPeriod = (message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path: 'from', message }] });

/**
 * The period and the scope asked for, checked: stats.read, a period of at most 10 years that is not reversed, an
 * agency of the caller's tenant. Someone whose grant reaches only their agency sees only it.
 */
export async function resolveScope(ctx: ServiceContext, q: { from?: string | undefined; to?: string | undefined; agencyId?: string | undefined }, now: Date): Promise<ResolvedScope> {
  const grant = requirePermission(ctx.actor, 'stats.read');
  const today = vietnamDate(now);
  const to = q.to ?? today;
  const from = q.from ?? (DEFAULT_FROM <= to ? DEFAULT_FROM : `${to.slice(0, 4)}-01-01`);
  if (from > to) throw badPeriod('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc');
  if (addDays(from, 3660) < to) throw badPeriod('Kỳ thống kê dài tối đa 10 năm');
  const agencyId = grant === 'tenant' ? (q.agencyId ?? null) : ctx.actor.agencyId;
  if (grant !== 'tenant' && q.agencyId && q.agencyId !== ctx.actor.agencyId) throw new DomainError('FORBIDDEN', 'Bạn chỉ được xem số liệu của cơ quan mình');
  const [list, [tenant]] = await Promise.all([
    agencyList(ctx.db, ctx.actor.tenantId),
    ctx.db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, ctx.actor.tenantId)),
  ]);
  const agency = agencyId ? (list.find((a) => a.id === agencyId) ?? null) : null;
  if (agencyId && !agency) throw new DomainError('BAD_REQUEST', 'Cơ quan không có trong danh mục', { errors: [{ path: 'agencyId', message: 'Không có trong danh mục' }] });
  const end = new Date(`${addDays(to, 1)}T00:00:00+07:00`);
  return { tenantId: ctx.actor.tenantId, tenantName: tenant?.name ?? '', from, to, today, cutoff: end < now ? end : now, agency, agencies: list };
}

async function agencyList(db: Db, tenantId: string): Promise<AgencyRef[]> {
  return db
    .select({ id: agencies.id, name: agencies.name, type: agencies.type, sortOrder: agencies.sortOrder })
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId)))
    .orderBy(asc(agencies.sortOrder), asc(agencies.name));
}

export const isCommune = (a: Pick<AgencyRef, 'type'>) => (COMMUNE_TYPES as readonly string[]).includes(a.type);
export const isUnit = (a: Pick<AgencyRef, 'type'>) => (UNIT_TYPES as readonly string[]).includes(a.type);
export const scopeName = (s: ResolvedScope) => s.agency?.name ?? 'Toàn tỉnh';
