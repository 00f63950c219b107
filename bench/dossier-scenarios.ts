// Issue 6 "Performance": intake ≥ 300 dossiers/s, step transitions ≥ 1,000/s, public lookup p95 ≤ 20 ms and
// queue listing p95 ≤ 50 ms, with the dossiers of bench/generate-dossiers.ts (5,000,000 on PostgreSQL).
import type { DossierBenchData } from './generate-dossiers.js';
import type { Scenario, ScenarioContext, Session } from './scenarios.js';

/** What the dossier scenarios add to the context: the generated data and the sessions that act on it. */
export interface DossierBenchContext extends DossierBenchData {
  /** motcua, a one-stop officer of the Center's first location */
  officer: Session;
  /** so, a department staff of Sở Tài chính (the pool's agency) */
  handler: Session;
}

const dossiersOf = (ctx: ScenarioContext): DossierBenchContext => {
  const d = ctx.dossiers;
  if (!d) throw new Error('dossier scenarios: run.ts did not prepare the dossier data (generateDossiers)');
  return d;
};

const json = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' });

/**
 * The transition scenario walks the pool round by round: the k-th request advances dossier k mod N from the
 * version it has after ⌊k / N⌋ earlier rounds. A body and a path are asked for the same request one after the
 * other, so both come from one step of the counter.
 */
function transitionCursor() {
  let lastN = Number.NaN;
  let k = -1;
  return (n: number) => {
    if (n !== lastN) {
      lastN = n;
      k += 1;
    }
    return k;
  };
}
const transition = transitionCursor();

const QUEUE_VIEWS = ['mine', 'agency', 'overdue', 'due_today'];

export const DOSSIER_SCENARIOS: Scenario[] = [
  {
    // a desk receives a complete dossier: code, appointment, event, audit (DA's receiveDossier)
    name: 'dossierIntake',
    connections: 10,
    request: (ctx) => ({ method: 'POST', path: '/api/dossiers', headers: json(dossiersOf(ctx).officer) }),
    bodyForCtx: (n, ctx) => {
      const d = dossiersOf(ctx);
      return JSON.stringify({
        decision: 'receive',
        channel: 1,
        procedureId: d.intake.procedureId,
        applicant: { kind: 'person', name: `Người nộp thử ${n}`, idNumber: String(100_000_000_000 + (n % 899_999_999_999)), phone: `09${String(n % 100_000_000).padStart(8, '0')}`, address: 'Số 1, phường Rạch Giá, tỉnh An Giang' },
        components: d.intake.componentIds.map((id) => ({ procedureComponentId: id, digitized: true })),
      });
    },
  },
  {
    // a staff of the agency holding an unassigned step finishes it (DB's advanceDossierStep); each request
    // another dossier of the pool
    name: 'dossierTransitions',
    connections: 10,
    request: (ctx) => ({ method: 'POST', path: `/api/dossiers/${dossiersOf(ctx).transitionPool[0]}/advance`, headers: json(dossiersOf(ctx).handler) }),
    bodyForCtx: (n, ctx) => JSON.stringify({ version: Math.floor(transition(n) / dossiersOf(ctx).transitionPool.length) }),
    pathFor: (n, ctx) => {
      const pool = dossiersOf(ctx).transitionPool;
      return `/api/dossiers/${pool[transition(n) % pool.length]}/advance`;
    },
  },
  {
    // a citizen looks a dossier up by code and phone (C's lookupDossierPublic); citizens come from many
    // addresses, so each request another one (the server trusts X-Forwarded-For in the bench), under the
    // per-address limit
    name: 'dossierLookup',
    connections: 4,
    request: (ctx) => ({ method: 'GET', path: lookupPath(dossiersOf(ctx), 0) }),
    pathFor: (n, ctx) => lookupPath(dossiersOf(ctx), n),
    headersFor: (n) => ({ 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` }),
  },
  {
    // a handler opens a queue: mine, the agency's, overdue, due today (DB's listDossiers), first page
    name: 'dossierQueue',
    connections: 4,
    request: (ctx) => ({ method: 'GET', path: '/api/dossiers?view=mine&pageSize=20', headers: { cookie: dossiersOf(ctx).handler.cookie } }),
    pathFor: (n) => `/api/dossiers?view=${QUEUE_VIEWS[n % QUEUE_VIEWS.length]}&pageSize=20`,
  },
];

function lookupPath(d: DossierBenchData, n: number): string {
  const l = d.lookups[n % d.lookups.length]!;
  return `/api/public/dossiers/an-giang/lookup?code=${encodeURIComponent(l.code)}&contact=${encodeURIComponent(l.contact)}`;
}

export const DOSSIER_SCENARIO_NAMES = DOSSIER_SCENARIOS.map((s) => s.name);
