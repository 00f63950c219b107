import { requirePermission, withinScope, type Actor } from '../../platform/auth/permissions.js';
import { DomainError } from '../../platform/http/errors.js';

/** Which users an actor may see: the scope of 'user.read' as a filter for the repository. */
export function userReadFilter(actor: Actor): { agencyId?: string; unitId?: string } {
  const scope = requirePermission(actor, 'user.read');
  if (scope === 'tenant') return {};
  if (scope === 'agency') return { agencyId: actor.agencyId };
  return { unitId: actor.unitId };
}

export function assertCanReadUser(actor: Actor, target: { agencyId: string; unitId: string }): void {
  const scope = requirePermission(actor, 'user.read');
  if (!withinScope(actor, scope, target)) throw new DomainError('FORBIDDEN', 'Người dùng này ngoài phạm vi bạn được xem');
}

/** An administrator cannot take away their own access by accident. */
export function assertNotSelfLockout(actor: Actor, targetId: string, change: { deactivate?: boolean; roles?: string[] }): void {
  if (actor.userId !== targetId) return;
  if (change.deactivate) throw new DomainError('BAD_REQUEST', 'Không thể tự ngừng kích hoạt tài khoản của mình');
  if (change.roles && actor.roles.includes('admin') && !change.roles.includes('admin')) {
    throw new DomainError('BAD_REQUEST', 'Không thể tự bỏ vai trò quản trị của mình');
  }
}
