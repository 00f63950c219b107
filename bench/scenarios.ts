import autocannon from 'autocannon';
import { addDays } from '../server/platform/calendar/date-only.js';
import { DOSSIER_SCENARIOS, type DossierBenchContext } from './dossier-scenarios.js';
import type { SigningBench } from './prepare-signing.js';
import type { RunningServer } from './server.js';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface ScenarioContext {
  server: RunningServer;
  session: Session;
  /** a clerk of the provincial office, for document registration */
  clerk: Session;
  password: string;
  /** documents of the clerk's agency, for the detail scenario */
  documentIds: string[];
  /** chanhvanphong, who signs the approved documents of `signing` */
  signer: Session;
  signing: SigningBench;
  /** an edXML message with a 2 MB PDF attachment; EDXML_DOCUMENT_ID is replaced per request */
  edxmlTemplate: string;
  /** the same message signed (XML-DSig), each with a DocumentId of its own */
  signedEdxml: string[];
  /** lanhdao, a leader who gives tasks: the task scoreboard of the whole province */
  leader: Session;
  /** the Vietnam date the generated tasks end on (a year of them up to it) */
  tasksUntil: string;
  /** the Mondays of the generated year of weekly schedules (weeklySchedule) */
  scheduleWeeks?: string[];
  /** departments and communes for the stats scenarios' one-agency requests */
  statsAgencies?: string[];
  /** issue 6: the generated dossiers and the sessions of the dossier scenarios */
  dossiers?: DossierBenchContext;
}

const BOUNDARY = 'vanphongso-bench-boundary';
/** One PDF as a multipart/form-data body, field "file". */
export function multipartPdf(name: string, pdf: Uint8Array): Buffer {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), Buffer.from(pdf), Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
}
let nextToSign = 0;

/** Receiving edXML messages handed over as files, one at a time; `xmlOf` gives the n-th message. */
function importScenario(name: string, fileName: string, xmlOf: (n: number, ctx: ScenarioContext) => string): Scenario {
  return {
    name,
    connections: 1,
    request: (ctx) => ({
      method: 'POST',
      path: '/api/exchange/messages/import',
      headers: { cookie: ctx.clerk.cookie, 'x-csrf-token': ctx.clerk.csrf, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    }),
    bodyForCtx: (n, ctx) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/xml\r\n\r\n${xmlOf(n, ctx)}\r\n--${BOUNDARY}--\r\n`,
  };
}

export interface Scenario {
  name: string;
  /** what one request does */
  request(ctx: ScenarioContext): { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };
  /** a different body for every request (unique values), when the request writes */
  bodyFor?: (n: number) => string;
  /** like bodyFor, from the context */
  bodyForCtx?: (n: number, ctx: ScenarioContext) => string;
  /** a fixed body that is not text (a file) */
  rawBody?: (ctx: ScenarioContext) => Buffer;
  /** a different path for every request (another document, another query) */
  pathFor?: (n: number, ctx: ScenarioContext) => string;
  /** headers added to each request (another client address) */
  headersFor?: (n: number, ctx: ScenarioContext) => Record<string, string>;
  /** login hashes with argon2id on purpose: fewer connections keep it from measuring only the queue */
  connections: number;
}

const SCOREBOARD_GROUPS = ['all', 'agency', 'commune'];
const scoreboardPath = (n: number, ctx: ScenarioContext) =>
  `/api/tasks/scoreboard?from=${addDays(ctx.tasksUntil, -364)}&to=${ctx.tasksUntil}&group=${SCOREBOARD_GROUPS[n % SCOREBOARD_GROUPS.length]}`;

const SEARCHES = ['quan ly dat dai', 'chuyen doi so', 'UBND-VP', 'thien tai', 'von dau tu cong', 'ho ngheo', 'bo noi vu', 'an toan thuc pham tet', '4521/STC-NS', 'khai thac cat'];

export const SCENARIOS: Scenario[] = [
  {
    name: 'login',
    connections: 4,
    request: (ctx) => ({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'chuyenvien', password: ctx.password }),
    }),
  },
  {
    name: 'getCurrentUser',
    connections: 10,
    request: (ctx) => ({ method: 'GET', path: '/api/auth/me', headers: { cookie: ctx.session.cookie } }),
  },
  {
    name: 'addWorkingDays',
    connections: 10,
    request: (ctx) => ({ method: 'GET', path: '/api/calendar/add-working-days?from=2026-02-13&days=10', headers: { cookie: ctx.session.cookie } }),
  },
  {
    name: 'registerIncoming',
    connections: 10,
    request: (ctx) => ({
      method: 'POST',
      path: '/api/documents/incoming',
      headers: { cookie: ctx.clerk.cookie, 'x-csrf-token': ctx.clerk.csrf, 'content-type': 'application/json' },
    }),
    // each request a different document, so the duplicate guard lets every one through
    bodyFor: (n) =>
      JSON.stringify({
        channel: 'electronic',
        senderName: `UBND xã Thử ${n % 100}`,
        numberNotation: `${n}/UBND-VP`,
        issuedDate: '2026-01-05',
        typeCode: 'CV',
        subject: `Về việc báo cáo tình hình thực hiện nhiệm vụ số ${n}`,
        dueInWorkingDays: 10,
      }),
  },
  {
    name: 'searchDocuments',
    connections: 10,
    request: (ctx) => ({ method: 'GET', path: '/api/documents/search?q=dat%20dai', headers: { cookie: ctx.clerk.cookie } }),
    // what clerks type: a phrase of a subject, a part of a notation, a sender
    pathFor: (n) => `/api/documents/search?q=${encodeURIComponent(SEARCHES[n % SEARCHES.length]!)}&pageSize=20`,
  },
  {
    name: 'getDocument',
    connections: 10,
    request: (ctx) => ({ method: 'GET', path: `/api/documents/${ctx.documentIds[0]}`, headers: { cookie: ctx.clerk.cookie } }),
    pathFor: (n, ctx) => `/api/documents/${ctx.documentIds[n % ctx.documentIds.length]}`,
  },
  {
    name: 'signDocument',
    // issue 4's target is the time of one signature (PAdES, visible block, the signed version stored):
    // one at a time, each request another approved document
    connections: 1,
    request: (ctx) => ({
      method: 'POST',
      path: '/api/documents/outgoing/x/signatures',
      headers: { cookie: ctx.signer.cookie, 'x-csrf-token': ctx.signer.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ certificateId: ctx.signing.certificateId, passphrase: ctx.signing.passphrase }),
    }),
    pathFor: (_n, ctx) => `/api/documents/outgoing/${ctx.signing.documentIds[nextToSign++ % ctx.signing.documentIds.length]}/signatures`,
  },
  {
    name: 'verifyPdfSignatures',
    // the time to check one PDF with two signatures (the signer's and the agency's), one at a time
    connections: 1,
    request: (ctx) => ({
      method: 'POST',
      path: '/api/signing/verify',
      headers: { cookie: ctx.clerk.cookie, 'x-csrf-token': ctx.clerk.csrf, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    }),
    rawBody: (ctx) => multipartPdf('da-ky.pdf', ctx.signing.signedPdf),
  },
  // issue 4's target is the time to receive one message with a 2 MB attachment: one at a time, each
  // request a message of its own (another DocumentId), so none is taken for a duplicate
  importScenario('importEdxml', 'thong-diep.xml', (n, ctx) => ctx.edxmlTemplate.replace('EDXML_DOCUMENT_ID', `000.00.00.H41,2025/03/10,${n}/UBND-VP`)),
  // the same, with an XML-DSig signature checked on arrival (the messages a gateway signs)
  importScenario('importSignedEdxml', 'thong-diep-ky-so.xml', (n, ctx) => ctx.signedEdxml[n % ctx.signedEdxml.length]!),
  {
    name: 'listUsers',
    connections: 10,
    request: (ctx) => ({ method: 'GET', path: `/api/users?q=${encodeURIComponent('nguoi dung 12')}&pageSize=20`, headers: { cookie: ctx.session.cookie } }),
  },
  {
    // issue 5's target: a year of a province's scoreboard (200,000 tasks) as leaders open it, by group, four at a
    // time (a province's leaders and the Office at a Monday meeting); each request aggregates the whole year.
    name: 'taskScoreboard',
    connections: 4,
    request: (ctx) => ({ method: 'GET', path: scoreboardPath(0, ctx), headers: { cookie: ctx.leader.cookie } }),
    pathFor: (n, ctx) => scoreboardPath(n, ctx),
  },
  {
    // issue 5's target: a leader opens a week of the schedule (entries, leaders, conflicts with meetings), any of a
    // year's weeks. The time of one read, as taskScoreboard measures it: the embedded engine runs one query at a
    // time, so more connections would measure the queue (4 connections: p95 about 2.5 × p50).
    name: 'weeklySchedule',
    connections: 1,
    request: (ctx) => ({ method: 'GET', path: `/api/schedule/weeks/${ctx.scheduleWeeks?.[0] ?? '2026-01-05'}`, headers: { cookie: ctx.leader.cookie } }),
    pathFor: (n, ctx) => `/api/schedule/weeks/${ctx.scheduleWeeks?.[n % (ctx.scheduleWeeks.length || 1)] ?? '2026-01-05'}`,
  },
  // issue 6: intake, step transitions, public lookup, queues (bench/dossier-scenarios.ts)
  ...DOSSIER_SCENARIOS,
  {
    // issue 7's target: the office dashboard for a year of a province (documents, tasks, dossiers, meetings, the
    // index), the province or one agency, as leaders open it four at a time
    name: 'officeDashboard',
    connections: 4,
    request: (ctx) => ({ method: 'GET', path: statsPath('dashboard', 0, ctx), headers: { cookie: ctx.leader.cookie } }),
    pathFor: (n, ctx) => statsPath('dashboard', n, ctx),
  },
  {
    // issue 7's target: the service index of Decision 766 for a year, the province (with every unit) or one agency
    name: 'serviceIndex',
    connections: 4,
    request: (ctx) => ({ method: 'GET', path: statsPath('service-index', 0, ctx), headers: { cookie: ctx.leader.cookie } }),
    pathFor: (n, ctx) => statsPath('service-index', n, ctx),
  },
];

/** A year up to the tasks' last day; one request in four for one agency (the departments in turn). */
const statsPath = (what: 'dashboard' | 'service-index', n: number, ctx: ScenarioContext) => {
  const until = ctx.tasksUntil || new Date().toISOString().slice(0, 10);
  const agencies = ctx.statsAgencies ?? [];
  const agency = n % 4 === 3 && agencies.length > 0 ? `&agencyId=${agencies[(n >> 2) % agencies.length]}` : '';
  return `/api/stats/${what}?from=${addDays(until, -364)}&to=${until}${agency}`;
};

export const STATS_SCENARIO_NAMES = ['officeDashboard', 'serviceIndex'];

export interface ScenarioResult {
  requests: number;
  seconds: number;
  latencies: number[];
  errors: number;
  maxRssMb: number;
}

/** Drives one scenario with autocannon on loopback for a fixed time; bounded, and stops by itself. */
export async function runScenario(scenario: Scenario, ctx: ScenarioContext, seconds: number): Promise<ScenarioResult> {
  const req = scenario.request(ctx);
  const latencies: number[] = [];
  let errors = 0;
  let maxRssMb = ctx.server.rssMb();
  const sampler = setInterval(() => {
    maxRssMb = Math.max(maxRssMb, ctx.server.rssMb());
  }, 200);
  let done!: (r: autocannon.Result) => void;
  let failed!: (e: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  let n = Math.floor(Math.random() * 1e6) * 100;
  const vary = scenario.bodyFor ?? (scenario.bodyForCtx ? (n: number) => scenario.bodyForCtx!(n, ctx) : undefined);
  const body = scenario.rawBody ? scenario.rawBody(ctx) : req.body;
  const instance = autocannon({
    url: `${ctx.server.url}${req.path}`,
    method: req.method,
    headers: req.headers ?? {},
    body,
    ...(vary || scenario.pathFor || scenario.headersFor
      ? {
          requests: [
            {
              method: req.method,
              path: req.path,
              headers: req.headers ?? {},
              ...(body === undefined ? {} : { body }),
              setupRequest: (r: autocannon.Request) => {
                n += 1;
                return { ...r, ...(vary ? { body: vary(n) } : {}), ...(scenario.pathFor ? { path: scenario.pathFor(n, ctx) } : {}), ...(scenario.headersFor ? { headers: { ...r.headers, ...scenario.headersFor(n, ctx) } } : {}) };
              },
            },
          ],
        }
      : {}),
    connections: scenario.connections,
    duration: seconds,
    timeout: 10,
  }, (err, result) => (err ? failed(err) : done(result)));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode >= 400) errors += 1;
  });
  const result = await finished;
  clearInterval(sampler);
  maxRssMb = Math.max(maxRssMb, ctx.server.rssMb());
  return { requests: latencies.length, seconds: result.duration, latencies, errors: errors + result.errors + result.timeouts, maxRssMb };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
