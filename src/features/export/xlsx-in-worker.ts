import type { XlsxContent } from './model/xlsx';
import { XLSX_MIME } from './model/xlsx-mime';
import type { XlsxWorkerReply } from './xlsx-worker';

/** Runs the Excel writer in a worker of its own, started for this export and stopped after. */
export function buildXlsxInWorker(content: XlsxContent): Promise<Blob> {
  const worker = new Worker(new URL('./xlsx-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Blob>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<XlsxWorkerReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(new Blob([event.data.buffer], { type: XLSX_MIME }));
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the Excel writer failed: ${event.message}`));
    };
    worker.postMessage(content);
  });
}
