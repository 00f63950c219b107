import { en } from './en';
import { vi, type MessageKey } from './vi';

export type { MessageKey };
export type Locale = 'vi' | 'en';

const STORAGE_KEY = 'vps.locale';
const catalogs: Record<Locale, Record<MessageKey, string>> = { vi, en };

function readLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Chosen once per page load: switching reloads the page, so no component has to re-render on a locale change. */
export const locale: Locale = readLocale();

export function switchLocale(next: Locale): void {
  localStorage.setItem(STORAGE_KEY, next);
  window.location.reload();
}

/** `t('user.count', { count: 3 })` → "3 người dùng". Placeholders are `{name}`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogs[locale][key] ?? vi[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** For keys built from server codes (audit actions): the label if the catalog has one, else undefined. */
export function tMaybe(key: string): string | undefined {
  return key in vi ? t(key as MessageKey) : undefined;
}
