/**
 * Runs `task` once the browser has an idle moment (at the latest after `timeoutMs`), or in a
 * task of its own where there is no `requestIdleCallback`. Returns what cancels it: an effect's
 * cleanup.
 */
export function whenIdle(task: () => void, timeoutMs = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}
