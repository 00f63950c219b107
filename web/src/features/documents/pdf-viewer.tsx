import { Alert, Spin } from 'antd';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Pages drawn at most, so a 500-page annex does not freeze the page; the rest opens in a new tab. */
const MAX_PAGES = 30;

/**
 * A PDF drawn with pdf.js into canvases as wide as the card: the same rendering in every browser, no
 * plug-in, nothing from outside the origin (the worker is bundled, eval is off for the CSP).
 */
export function PdfViewer({ url, title, onLoaded }: { url: string; title: string; onLoaded?: () => void }) {
  const pages = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; total?: number }>({ status: 'loading' });
  const loaded = useRef(onLoaded);
  loaded.current = onLoaded;

  useEffect(() => {
    let cancelled = false;
    let pdf: PDFDocumentProxy | undefined;
    setState({ status: 'loading' });
    const task = getDocument({ url, withCredentials: true, isEvalSupported: false });
    task.promise
      .then(async (doc) => {
        pdf = doc;
        if (cancelled) return;
        loaded.current?.();
        const host = pages.current;
        if (!host) return;
        host.replaceChildren();
        const width = host.clientWidth || 600;
        const ratio = window.devicePixelRatio || 1;
        for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && !cancelled; n += 1) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale: (width / page.getViewport({ scale: 1 }).width) * ratio });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.style.width = '100%';
          canvas.style.display = 'block';
          canvas.style.marginBottom = '8px';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', t('incoming.detail.pageOf', { page: n, total: doc.numPages }));
          host.appendChild(canvas);
          await page.render({ canvas, viewport }).promise;
          if (n === 1) setState({ status: 'loading', total: doc.numPages });
        }
        if (!cancelled) setState({ status: 'ready', total: doc.numPages });
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'error' });
      });
    return () => {
      cancelled = true;
      void task.destroy();
      void pdf?.destroy();
    };
  }, [url]);

  return (
    <div aria-label={title} style={{ background: '#f0f2f5', padding: 8, maxHeight: 'max(600px, calc(100vh - 220px))', overflow: 'auto', borderRadius: '0 0 8px 8px' }}>
      {state.status === 'error' && <Alert type="warning" showIcon message={t('incoming.detail.previewFailed')} />}
      {state.status === 'loading' && (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin />
        </div>
      )}
      <div ref={pages} data-testid="pdf-pages" />
      {state.status === 'ready' && state.total !== undefined && state.total > MAX_PAGES && (
        <Alert type="info" showIcon message={t('incoming.detail.morePages', { shown: MAX_PAGES, total: state.total })} />
      )}
    </div>
  );
}
