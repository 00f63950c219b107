import { tMaybe } from '../../i18n';

// The actions and entity types the server records today (grep "action: '" in server/). An unknown code
// still shows, as itself, so a new server action never disappears from the log.
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_blocked',
  'auth.account_locked',
  'auth.logout',
  'auth.logout_all',
  'auth.password_changed',
  'auth.token_created',
  'auth.token_revoked',
  'agency.created',
  'agency.updated',
  'agency.deleted',
  'unit.created',
  'unit.updated',
  'unit.deleted',
  'position.created',
  'user.created',
  'user.updated',
  'user.activated',
  'user.deactivated',
  'user.password_reset',
  'user.deleted',
  'calendar.override_created',
  'calendar.override_deleted',
];

export const AUDIT_ENTITY_TYPES = ['user', 'agency', 'unit', 'position', 'calendar_override', 'api_token'];

export const actionLabel = (action: string): string => tMaybe(`audit.action.${action}`) ?? action;
export const entityLabel = (type: string): string => tMaybe(`audit.entity.${type}`) ?? type;
