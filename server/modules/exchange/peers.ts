import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { reopenRecipientsFor } from '../documents/index.js';
import type { CertificateSealer } from '../signing/index.js';
import * as repo from './repo.js';

/*
 * The connections to other instances, kept by the administrator: where each is, which agencies it serves,
 * and the API token of its receiving account, sealed (the outbox opens it to send).
 */

const view = (p: repo.PeerRow) => ({ id: p.id, name: p.name, url: p.url, organIds: p.organIds, createdAt: p.createdAt.toISOString() });

export async function listPeers(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'exchange.manage');
  return { items: (await repo.activePeers(ctx.db, ctx.actor.tenantId)).map(view) };
}

/** A connection to another instance: where it is, which agencies it serves, and its receiving token. */
export async function addPeer(ctx: ServiceContext, sealer: CertificateSealer, input: { name: string; url: string; organIds: string[]; token: string }) {
  requirePermission(ctx.actor, 'exchange.manage');
  const organIds = [...new Set(input.organIds)];
  const taken = [];
  for (const organId of organIds) if (await repo.peerFor(ctx.db, ctx.actor.tenantId, organId)) taken.push(organId);
  if (taken.length) throw new DomainError('CONFLICT', `Mã định danh đã có kết nối: ${taken.join(', ')}`, { errors: [{ path: 'organIds', message: `Đã có kết nối: ${taken.join(', ')}` }] });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await repo.insertPeer(tx, { id, tenantId: ctx.actor.tenantId, name: input.name, url: input.url, organIds, sealedToken: sealer.seal(new TextEncoder().encode(input.token)), createdBy: ctx.actor.userId });
    await reopenRecipientsFor(tx, ctx.actor.tenantId, organIds);
    await audit(ctx, tx, { action: 'exchange.peer_added', entityType: 'exchange_peer', entityId: id, summary: `Thêm kết nối liên thông ${input.name}`, after: { url: input.url, organIds } });
  });
  return view((await repo.getPeer(ctx.db, ctx.actor.tenantId, id))!);
}

export async function removePeer(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'exchange.manage');
  const p = await repo.getPeer(ctx.db, ctx.actor.tenantId, id);
  if (!p || !p.active) throw new DomainError('NOT_FOUND', 'Không tìm thấy kết nối liên thông');
  await ctx.db.transaction(async (tx) => {
    await repo.deactivatePeer(tx, id);
    await audit(ctx, tx, { action: 'exchange.peer_removed', entityType: 'exchange_peer', entityId: id, summary: `Ngừng kết nối liên thông ${p.name}` });
  });
}
