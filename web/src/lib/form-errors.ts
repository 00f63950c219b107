import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { t } from '../i18n';

// Some server messages continue a sentence ("ít nhất 10 ký tự"); under a field they start one.
const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** "body.roles.0" → "roles": the server reports zod paths with their request part in front. */
function fieldOf(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'body' || parts[0] === 'querystring' || parts[0] === 'params') parts.shift();
  return parts[0] ?? '';
}

/**
 * Puts the server's field errors on the form's fields and returns the message for the form's alert:
 * the general title when every issue found its field (the fields say the rest), otherwise the detail.
 * `aliases` maps a server field to the form's name for it (e.g. password → newPassword).
 */
export function applyServerErrors(form: FormInstance, error: unknown, aliases: Record<string, string> = {}): string {
  if (!(error instanceof ApiError)) return t('common.networkError');
  const registered = new Set(form.getFieldsError().map((f) => String(f.name[0])));
  const byField = new Map<string, string[]>();
  let unmapped = 0;
  for (const issue of error.errors) {
    const raw = fieldOf(issue.path);
    const name = aliases[raw] ?? raw;
    if (!registered.has(name)) {
      unmapped += 1;
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), capitalize(issue.message)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0 && unmapped === 0 ? error.title : error.userMessage;
}

export const errorMessage = (error: unknown): string => (error instanceof ApiError ? error.userMessage : t('common.networkError'));
