import type { DossierView } from './dossier-types';

// A Record over the views: a view added to the union is a compile error here until it has an address.
const VIEW_SLUGS: Record<DossierView, string> = {
  mine: 'cua-toi',
  agency: 'cua-co-quan',
  due_today: 'den-han-hom-nay',
  overdue: 'qua-han',
  supplement: 'cho-bo-sung',
  online_new: 'truc-tuyen-moi',
  location: 'tai-diem-tiep-nhan',
  all: 'tat-ca',
};
export const DOSSIER_VIEWS = Object.keys(VIEW_SLUGS) as DossierView[];
export const viewOfSlug = (slug: string | undefined): DossierView | undefined => DOSSIER_VIEWS.find((v) => VIEW_SLUGS[v] === slug);

export const DOSSIERS_PATH = '/ho-so-mot-cua';
/** The counter screen; a static segment, never taken for a dossier id. */
export const COUNTER_PATH = `${DOSSIERS_PATH}/tiep-nhan`;
export const dossierListPath = (view: DossierView): string => `${DOSSIERS_PATH}/danh-sach/${VIEW_SLUGS[view]}`;
export const dossierPath = (id: string): string => `${DOSSIERS_PATH}/${id}`;

/** The printed forms of a dossier (F's PDFs), opened in a new tab. */
export type DossierForm = 'receipt' | 'supplement' | 'refusal' | 'extension' | 'stop' | 'control';
export const dossierFormUrl = (id: string, form: DossierForm): string => `/api/dossiers/${encodeURIComponent(id)}/forms/${form}`;
export const intakeSlipPdfUrl = (slipId: string): string => `/api/dossiers/intake-slips/${encodeURIComponent(slipId)}/pdf`;

export const openPdf = (url: string): void => {
  window.open(url, '_blank', 'noopener');
};
