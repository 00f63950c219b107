import type { MessageKey } from '../../i18n';
import type { Permission } from '../../api/types';

export const SIGNING_PATH = '/ky-so';

export type SigningPage = 'certificates' | 'trust' | 'verify';

const SLUGS: Record<SigningPage, string> = { certificates: 'chung-thu-so', trust: 'kho-tin-cay', verify: 'kiem-tra' };

export const signingPath = (p: SigningPage): string => `${SIGNING_PATH}/${SLUGS[p]}`;

export const signingTitle = (p: SigningPage): MessageKey => `signing.page.${p}`;

/**
 * Who sees which page: certificates for those who sign or keep the agency's seal, the trust store for the
 * administrator; checking a PDF's signatures is for everyone (a received document, a citizen's file).
 */
export function signingPagesFor(can: (p: Permission) => boolean): SigningPage[] {
  const pages: SigningPage[] = [];
  if (can('signature.sign') || can('signature.seal')) pages.push('certificates');
  if (can('trust.manage')) pages.push('trust');
  pages.push('verify');
  return pages;
}
