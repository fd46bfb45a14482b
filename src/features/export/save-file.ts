/** How long the object URL outlives the click: some browsers read the Blob after `click()`
 * returns, and revoking at once can cancel the download. */
const REVOKE_AFTER_MS = 10_000;

/** Hands a Blob to the browser as a download, through an object URL: nothing leaves the page. */
export function saveFile(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
