/**
 * The name a download's Content-Disposition gives: the UTF-8 `filename*` when there is one (Vietnamese
 * names), else the plain `filename`.
 */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) return decodeURIComponent(extended[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ? decodeURIComponent(plain[1]) : undefined;
}

/**
 * Hands a file fetched by the app to the browser's downloads. Fetched rather than linked when the server
 * may refuse it: its Vietnamese reason can then be shown on the page instead of a JSON file downloaded.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has taken the file; at once would cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
