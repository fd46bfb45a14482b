/** Rows converted between two yields: small enough that one slice stays well under a frame's
 * worth of long task on a slow laptop, large enough that yielding costs little. */
export const CHUNK_SIZE = 2_000;

export type YieldToPage = () => Promise<void>;

/** A macrotask boundary, so the browser can paint the progress and handle input in between. */
export const yieldToPage: YieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

export interface ChunkOptions {
  readonly chunkSize?: number;
  readonly yieldToPage?: YieldToPage;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Maps every item, yielding to the event loop after each chunk: 14,000 listings must not
 * freeze the page. */
export async function mapInChunks<T, R>(
  items: readonly T[],
  map: (item: T) => R,
  options: ChunkOptions = {},
): Promise<R[]> {
  const size = options.chunkSize ?? CHUNK_SIZE;
  const pause = options.yieldToPage ?? yieldToPage;
  const out: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    const end = Math.min(start + size, items.length);
    for (let index = start; index < end; index++) out.push(map(items[index]!));
    options.onProgress?.(end, items.length);
    await pause();
  }
  return out;
}
