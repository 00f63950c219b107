import { GRANTS, scopeOf, type Actor, type Role } from '../../platform/auth/permissions.js';
import type { StepRole } from '../procedures/tables.js';
import { allows } from './state-machine.js';
import type { DossierStatus } from './tables.js';

/** What the rules below read of a dossier. */
export interface DossierParties {
  status: DossierStatus;
  receivingAgencyId: string | null;
  handlingAgencyId: string;
  currentAgencyId: string | null;
  currentAssigneeId: string | null;
  currentStepRole: StepRole | null;
  nextStepRole: StepRole | null;
  appointmentAt: Date | null;
  extensionCount: number;
}

/** The roles holding dossier.process: who may be handed a step. */
export const PROCESSING_ROLES: Role[] = (Object.keys(GRANTS) as Role[]).filter((r) => GRANTS[r]['dossier.process']);

/** The role a step wants first among the candidates (the others may still be chosen). */
export const PREFERRED_ROLES: Record<StepRole, Role[]> = {
  reception: ['one_stop_officer', 'commune_staff'],
  assignment: ['leader'],
  handling: ['department_staff', 'commune_staff'],
  review: ['leader'],
  approval: ['leader'],
  issuance: ['clerk'],
  return: ['one_stop_officer', 'commune_staff'],
};

/**
 * Reading a dossier (dossier.read): tenant-wide readers see all of the tenant's; an agency's readers see
 * those their agency received, resolves or has now. Anything else is "not found".
 */
export function canRead(actor: Actor, d: Pick<DossierParties, 'receivingAgencyId' | 'handlingAgencyId' | 'currentAgencyId' | 'currentAssigneeId'>): boolean {
  if (d.currentAssigneeId === actor.userId) return true;
  const scope = scopeOf(actor, 'dossier.read');
  if (scope === 'tenant') return true;
  if (scope === null) return false;
  return [d.receivingAgencyId, d.handlingAgencyId, d.currentAgencyId].includes(actor.agencyId);
}

/** A person of the agency who takes dossier steps there. */
export const processesFor = (actor: Actor, agencyId: string | null): boolean => agencyId !== null && actor.agencyId === agencyId && scopeOf(actor, 'dossier.process') !== null;

// A leader directs the agency's work; the grants give no narrower permission that says so.
const leads = (actor: Actor, agencyId: string | null): boolean => actor.roles.includes('leader') && processesFor(actor, agencyId);

/** One-stop officers (and a commune's desk) act for the desk that received the dossier. */
export const atReceivingDesk = (actor: Actor, d: Pick<DossierParties, 'receivingAgencyId'>): boolean =>
  scopeOf(actor, 'dossier.receive') !== null && (d.receivingAgencyId === null || d.receivingAgencyId === actor.agencyId);

/** The current step's holder: its assignee or, while it has none, anyone of the current agency who processes. */
export const holdsStep = (actor: Actor, d: Pick<DossierParties, 'currentAssigneeId' | 'currentAgencyId'>): boolean =>
  d.currentAssigneeId ? d.currentAssigneeId === actor.userId : processesFor(actor, d.currentAgencyId);

export const canAdvance = (actor: Actor, d: DossierParties): boolean => d.currentStepRole !== 'return' && d.currentStepRole !== null && holdsStep(actor, d);

/** A leader of the current agency names anyone; a member may take an unassigned step (or one of theirs) for themself. */
export const canAssign = (actor: Actor, d: DossierParties, assigneeId: string): boolean =>
  leads(actor, d.currentAgencyId) || (processesFor(actor, d.currentAgencyId) && assigneeId === actor.userId && (d.currentAssigneeId === null || d.currentAssigneeId === actor.userId));

export const canRequestSupplement = (actor: Actor, d: DossierParties): boolean => holdsStep(actor, d);
export const canCompleteSupplement = (actor: Actor, d: DossierParties): boolean => atReceivingDesk(actor, d) || d.currentAssigneeId === actor.userId;
export const canExtend = (actor: Actor, d: DossierParties): boolean => leads(actor, d.handlingAgencyId) || d.currentAssigneeId === actor.userId;
export const canStop = (actor: Actor, d: DossierParties): boolean => leads(actor, d.handlingAgencyId);
export const canWithdraw = (actor: Actor, d: DossierParties): boolean => atReceivingDesk(actor, d);
export const canReturnResult = (actor: Actor, d: DossierParties): boolean => atReceivingDesk(actor, d) || (scopeOf(actor, 'dossier.receive') !== null && processesFor(actor, d.currentAgencyId));

export type ActionName = 'advance' | 'assign' | 'take' | 'request_supplement' | 'complete_supplement' | 'extend' | 'stop' | 'withdraw' | 'return_result';

/** What the actor may do on the dossier now: the rules above and the state machine together. */
export function dossierActions(actor: Actor, d: DossierParties, now: Date): ActionName[] {
  const a: ActionName[] = [];
  const s = d.status;
  if (allows('advance', s) && canAdvance(actor, d)) a.push('advance');
  if (allows('assign', s) && leads(actor, d.currentAgencyId)) a.push('assign');
  if (allows('assign', s) && d.currentAssigneeId === null && processesFor(actor, d.currentAgencyId)) a.push('take');
  if (allows('request_supplement', s) && canRequestSupplement(actor, d)) a.push('request_supplement');
  if (allows('complete_supplement', s) && canCompleteSupplement(actor, d)) a.push('complete_supplement');
  if (allows('extend', s) && d.extensionCount === 0 && d.appointmentAt && d.appointmentAt > now && canExtend(actor, d)) a.push('extend');
  if (allows('stop', s) && canStop(actor, d)) a.push('stop');
  if (allows('withdraw', s) && canWithdraw(actor, d)) a.push('withdraw');
  if (allows('return_result', s) && (d.currentStepRole === 'return' || d.currentStepRole === null) && canReturnResult(actor, d)) a.push('return_result');
  return a;
}
