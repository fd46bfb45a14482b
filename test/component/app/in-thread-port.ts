import type { SearchWorkerRequest } from '../../../src/search/protocol';
import type { SearchWorkerPort } from '../../../src/search/search-client';
import { createSearchWorkerHandler } from '../../../src/search/worker-handler';

/** A fresh buffer of `file` for each download (the worker reads its numbers over it), made by
 * Node's own constructors: Node's `crypto.subtle` refuses jsdom's buffers. */
function nodeBufferOf(file: string | Uint8Array): ArrayBuffer {
  const bytes = Buffer.alloc(typeof file === 'string' ? Buffer.byteLength(file) : file.length);
  if (typeof file === 'string') bytes.write(file);
  else bytes.set(file);
  return bytes.buffer as ArrayBuffer;
}

/**
 * The real worker handler in-thread, answering in order, a task later, as the worker entry does
 * (`src/search/search-worker.ts`); its downloads are `files`, by URL (another is a 404). Each
 * request goes to `onPost` as it is sent.
 */
export function inThreadPort(
  files: Readonly<Record<string, string | Uint8Array>>,
  onPost: (request: SearchWorkerRequest) => void = () => undefined,
): SearchWorkerPort {
  const handle = createSearchWorkerHandler({
    fetchBytes: (url) => {
      const file = files[url];
      return file === undefined
        ? Promise.reject(new Error('HTTP 404'))
        : Promise.resolve(nodeBufferOf(file));
    },
  });
  let deliver: (response: unknown) => void = () => undefined;
  let previous: Promise<unknown> = Promise.resolve();
  return {
    post: (request) => {
      onPost(request);
      previous = previous
        .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
        .then(async () => {
          const response = await handle(request);
          if (response !== null) deliver(response);
        });
    },
    listen: (onResponse) => {
      deliver = onResponse;
    },
    terminate: () => undefined,
  };
}
