// The signing page's document viewer (PDF.js): a document's link opens its pages inside the page instead of a
// new tab, which phones without a PDF viewer need. Without this script the link opens the PDF itself.
import * as pdfjs from '/assets/pdfjs/build/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdfjs/build/pdf.worker.min.mjs';
const viewer = document.getElementById('viewer');
const pages = document.getElementById('viewer-pages');
const title = document.getElementById('viewer-title');
const status = document.getElementById('viewer-status');
let current = 0;

async function show(url, name) {
  const load = ++current;
  viewer.hidden = false;
  title.textContent = name;
  pages.replaceChildren();
  status.textContent = status.dataset.loading;
  viewer.scrollIntoView({ behavior: 'smooth', block: 'start' });
  try {
    const doc = await pdfjs.getDocument({ url, isEvalSupported: false, standardFontDataUrl: '/assets/pdfjs/standard_fonts/', cMapUrl: '/assets/pdfjs/cmaps/', cMapPacked: true }).promise;
    for (let n = 1; n <= doc.numPages && load === current; n++) {
      const page = await doc.getPage(n);
      const width = pages.clientWidth || 600;
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (width / base.width) * (window.devicePixelRatio || 1) });
      const canvas = document.createElement('canvas');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.style.width = '100%';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${name}, ${status.dataset.page} ${n} / ${doc.numPages}`);
      pages.appendChild(canvas);
      await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    }
    status.textContent = '';
  } catch {
    status.textContent = status.dataset.failed;
  }
}

document.querySelectorAll('a[data-view]').forEach((link) =>
  link.addEventListener('click', (event) => {
    event.preventDefault();
    show(link.href, link.textContent.trim());
  }),
);
document.getElementById('viewer-close')?.addEventListener('click', () => {
  current++;
  viewer.hidden = true;
  pages.replaceChildren();
});
