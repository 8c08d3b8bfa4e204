/**
 * Lets the browser download a URL itself: streamed to disk under the file
 * name the server gives (`Content-Disposition`), never buffered in the page.
 */
export function downloadUrl(url: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = '';
  anchor.rel = 'noopener';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}
