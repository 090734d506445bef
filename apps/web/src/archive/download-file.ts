/** Hands a Blob to the browser as a download named `fileName`. */
export function downloadFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading by now; the URL is only kept long enough for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
