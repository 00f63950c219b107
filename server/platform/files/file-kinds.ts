/**
 * The kinds of file the system accepts, by the type detected from their first bytes. The name's extension
 * must agree with the content: "to-trinh.pdf" that is really a ZIP or an executable is refused.
 */
export const FILE_KINDS = {
  pdf: [{ mime: 'application/pdf', extensions: ['pdf'] }],
  docx: [{ mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] }],
  image: [
    { mime: 'image/png', extensions: ['png'] },
    { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
    { mime: 'image/tiff', extensions: ['tif', 'tiff'] },
  ],
} as const;

export type FileKind = keyof typeof FILE_KINDS;

export const KIND_LABELS: Record<FileKind, string> = { pdf: 'PDF', docx: 'Word (DOCX)', image: 'ảnh (PNG, JPEG, TIFF)' };

export function findAccepted(kinds: readonly FileKind[], mime: string) {
  for (const kind of kinds) {
    const hit = FILE_KINDS[kind].find((t) => t.mime === mime);
    if (hit) return hit;
  }
  return null;
}

/** A display name safe to store and to send back: no folders, no control characters, NFC, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned.length <= 200) return cleaned || 'tep';
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - ext.length) + ext;
}

export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};
