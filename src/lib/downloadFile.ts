/** Hands `text` to the browser as a file download named `fileName`. */
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download already; revoking later is harmless either way.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
