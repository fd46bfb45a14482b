/// <reference lib="webworker" />
import { buildXlsx, type XlsxContent } from './model/xlsx';

/**
 * Builds the .xlsx off the page's thread: ExcelJS zips synchronously, which froze the page for
 * seconds on the full lists. The worker is a same-origin module, as the CSP requires.
 */
export type XlsxWorkerReply =
  | { readonly ok: true; readonly buffer: ArrayBuffer }
  | { readonly ok: false; readonly message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<XlsxContent>) => {
  try {
    const blob = await buildXlsx(event.data, { yieldToPage: () => Promise.resolve() });
    const buffer = await blob.arrayBuffer();
    scope.postMessage({ ok: true, buffer } satisfies XlsxWorkerReply, [buffer]);
  } catch (error) {
    scope.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies XlsxWorkerReply);
  }
};
