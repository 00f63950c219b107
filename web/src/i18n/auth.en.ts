import type { authVi } from './auth.vi';

/** English strings of the signed-in person's API tokens; the type makes a missing or extra key a compile error. */
export const authEn: Record<keyof typeof authVi, string> = {
  'module.apiTokens': 'API tokens',
  'module.apiTokens.desc': 'Tokens with which integrations and exchange systems call the API on your behalf: create, watch, revoke.',

  'auth.tokens.description': 'Integrations send the token in the Authorization: Bearer … header to call the API with your permissions. Revoke at once a token no longer used or possibly leaked.',
  'auth.tokens.create': 'Create token',
  'auth.tokens.empty': 'You have not created any token',
  'auth.tokens.name': 'Name',
  'auth.tokens.prefix': 'Token (start)',
  'auth.tokens.createdAt': 'Created',
  'auth.tokens.lastUsedAt': 'Last used',
  'auth.tokens.neverUsed': 'Never',
  'auth.tokens.expiresAt': 'Expires',
  'auth.tokens.noExpiry': 'Never',
  'auth.tokens.status.active': 'Active',
  'auth.tokens.status.expired': 'Expired',
  'auth.tokens.status.revoked': 'Revoked',

  'auth.tokens.form.title': 'Create an API token',
  'auth.tokens.form.intro': 'The token holds every permission of your account. Give each integration its own token, so that each can be revoked alone.',
  'auth.tokens.form.nameRequired': 'Name the token',
  'auth.tokens.form.nameHelp': 'For example the system that will use it, so you know later where it is used.',
  'auth.tokens.form.expiry': 'Valid for',
  'auth.tokens.form.days': '{days} days',
  'auth.tokens.form.oneYear': '1 year (365 days)',
  'auth.tokens.form.never': 'No expiry',
  'auth.tokens.form.neverHint': 'A token without expiry suits only a lasting connection between systems; remember to revoke it when the connection ends.',
  'auth.tokens.form.submit': 'Create',

  'auth.tokens.shown.title': 'New access token: {name}',
  'auth.tokens.shown.once': 'The token is shown only this once. Copy it somewhere safe before closing: the system keeps only its hash and cannot show it again.',
  'auth.tokens.shown.value': 'Token',
  'auth.tokens.shown.expires': 'Expires',
  'auth.tokens.shown.example': 'Try it',
  'auth.tokens.shown.exampleHint': 'The command returns your account if the token is valid.',
  'auth.tokens.shown.close': 'I have saved it, close',

  'auth.tokens.revoke': 'Revoke',
  'auth.tokens.revokeConfirm': 'Revoke the token “{name}”?',
  'auth.tokens.revokeHint': 'Any system using this token can no longer call the API. This cannot be undone.',
  'auth.tokens.revoked': 'Token “{name}” revoked',
};
