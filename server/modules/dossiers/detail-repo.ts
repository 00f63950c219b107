import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open.js';
import { agencies, users } from '../org/tables.js';
import { procedures, procedureSteps } from '../procedures/tables.js';
import { assignee, current, handling, receiving, withNames } from './queues-repo.js';
import { dossierComponents, dossierEvents, dossierExtensions, dossierPayments, dossiers, dossierSupplements } from './tables.js';

/** The dossier with the names a queue shows; null when the tenant has no such dossier. */
export async function getDossierSummary(db: Db, tenantId: string, id: string) {
  const [row] = await withNames(db).where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.id, id)));
  return row ?? null;
}

const receiver = alias(users, 'received_by_user');
const faultAgency = alias(agencies, 'dossier_fault_agency');

/** The dossier with every name the page shows, in one query; null when the tenant has no such dossier. */
export async function getDossierWithNames(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({
      ...getTableColumns(dossiers),
      receivingAgencyName: receiving.name,
      handlingAgencyName: handling.name,
      currentAgencyName: current.name,
      currentAssigneeName: assignee.fullName,
      currentStepName: procedureSteps.name,
      receivedByName: receiver.fullName,
      faultAgencyName: faultAgency.name,
      timeLimit: procedures.timeLimit,
      timeUnit: procedures.timeUnit,
      level: procedures.level,
    })
    .from(dossiers)
    .innerJoin(handling, eq(handling.id, dossiers.handlingAgencyId))
    .leftJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .leftJoin(receiving, eq(receiving.id, dossiers.receivingAgencyId))
    .leftJoin(current, eq(current.id, dossiers.currentAgencyId))
    .leftJoin(assignee, eq(assignee.id, dossiers.currentAssigneeId))
    .leftJoin(procedureSteps, and(eq(procedureSteps.procedureId, dossiers.procedureId), eq(procedureSteps.position, dossiers.currentStep)))
    .leftJoin(receiver, eq(receiver.id, dossiers.receivedBy))
    .leftJoin(faultAgency, eq(faultAgency.id, dossiers.faultAgencyId))
    .where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.id, id)));
  return row ?? null;
}

/** The internal process of the dossier's procedure, in order. */
export function getSteps(db: Db, procedureId: string) {
  return db.select().from(procedureSteps).where(eq(procedureSteps.procedureId, procedureId)).orderBy(asc(procedureSteps.position));
}

export function getComponents(db: Db, dossierId: string) {
  return db.select().from(dossierComponents).where(eq(dossierComponents.dossierId, dossierId)).orderBy(asc(dossierComponents.position));
}

const eventAgency = alias(agencies, 'event_agency');
const eventAssignee = alias(users, 'event_assignee');

export function getEvents(db: Db, dossierId: string) {
  return db
    .select({ event: dossierEvents, agencyName: eventAgency.name, assigneeName: eventAssignee.fullName })
    .from(dossierEvents)
    .leftJoin(eventAgency, eq(eventAgency.id, dossierEvents.agencyId))
    .leftJoin(eventAssignee, eq(eventAssignee.id, dossierEvents.assigneeId))
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.seq));
}

const requester = alias(users, 'requester');
const completer = alias(users, 'completer');

export function getSupplements(db: Db, dossierId: string) {
  return db
    .select({ s: dossierSupplements, requestedByName: requester.fullName, completedByName: completer.fullName })
    .from(dossierSupplements)
    .innerJoin(requester, eq(requester.id, dossierSupplements.requestedBy))
    .leftJoin(completer, eq(completer.id, dossierSupplements.completedBy))
    .where(eq(dossierSupplements.dossierId, dossierId))
    .orderBy(asc(dossierSupplements.requestedAt), asc(dossierSupplements.id));
}

const issuer = alias(users, 'issuer');
const fault = alias(agencies, 'fault_agency');

export function getExtensions(db: Db, dossierId: string) {
  return db
    .select({ e: dossierExtensions, issuedByName: issuer.fullName, faultAgencyName: fault.name })
    .from(dossierExtensions)
    .innerJoin(issuer, eq(issuer.id, dossierExtensions.issuedBy))
    .innerJoin(fault, eq(fault.id, dossierExtensions.faultAgencyId))
    .where(eq(dossierExtensions.dossierId, dossierId))
    .orderBy(asc(dossierExtensions.issuedAt), asc(dossierExtensions.id));
}

export function getPayments(db: Db, dossierId: string) {
  return db.select().from(dossierPayments).where(eq(dossierPayments.dossierId, dossierId)).orderBy(asc(dossierPayments.createdAt), asc(dossierPayments.id));
}

export async function getNames(db: Db, tenantId: string, ids: { userId?: string | null; agencyId?: string | null }) {
  const [user] = ids.userId ? await db.select({ name: users.fullName }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, ids.userId))) : [];
  const [agency] = ids.agencyId ? await db.select({ name: agencies.name }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, ids.agencyId))) : [];
  return { userName: user?.name ?? null, agencyName: agency?.name ?? null };
}
