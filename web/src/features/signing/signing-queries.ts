import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Ok } from '../../api/types';

export type SigningCertificate = Ok<'listSigningCertificates'>['items'][number];
export type CertificateKind = SigningCertificate['kind'];
export type CertificateProvider = SigningCertificate['provider'];
export type TrustAnchor = Ok<'listTrustAnchors'>['items'][number];
export type Verification = Ok<'verifyPdfSignatures'>;
export type SignatureReport = Verification['signatures'][number];

export const signingKeys = {
  certificates: ['signing', 'certificates'] as const,
  trustAnchors: ['signing', 'trust-anchors'] as const,
  remoteServices: ['signing', 'remote-services'] as const,
  // Under documentKeys.all: a new version of the document refreshes its verification too.
  fileSignatures: (documentId: string, fileId: string) => ['documents', 'signatures', documentId, fileId] as const,
};

/** My personal certificates, and the agency's when I keep its seal. */
export function useCertificates(enabled = true) {
  return useQuery({
    queryKey: signingKeys.certificates,
    queryFn: async () => (await data(api.GET('/api/signing/certificates'))).items,
    enabled,
  });
}

/** The remote-signing services the server is configured for (none on most machines). */
export function useRemoteSigningServices() {
  return useQuery({
    queryKey: signingKeys.remoteServices,
    queryFn: async () => (await data(api.GET('/api/signing/remote-services'))).items,
    staleTime: Infinity,
  });
}

export function useTrustAnchors() {
  return useQuery({
    queryKey: signingKeys.trustAnchors,
    queryFn: async () => (await data(api.GET('/api/signing/trust-anchors'))).items,
  });
}

/** The signatures of one PDF of a document, checked by the server against the province's trust store. */
export function useFileSignatures(documentId: string, fileId: string | undefined) {
  return useQuery({
    queryKey: signingKeys.fileSignatures(documentId, fileId ?? ''),
    queryFn: () => data(api.GET('/api/documents/{id}/files/{fileId}/signatures', { params: { path: { id: documentId, fileId: fileId! } } })),
    enabled: Boolean(fileId),
  });
}

/** Any PDF, sent as multipart (field "file"); the server checks it and keeps nothing. */
export function verifyPdf(file: Blob, name: string): Promise<Verification> {
  const form = new FormData();
  form.append('file', file, name);
  // The operation's body is multipart, which the generated types do not describe.
  return data(api.POST('/api/signing/verify', { body: form } as never)) as Promise<Verification>;
}

/** A file's bytes as base64, for JSON bodies (a PKCS#12, a DER certificate). */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and a long list overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A trust anchor file as the server takes it: PEM as text, anything else (DER) as base64. */
export async function anchorContentOf(file: Blob): Promise<string> {
  const text = await file.text();
  return text.trimStart().startsWith('-----BEGIN') ? text : base64Of(file);
}
