/**
 * Runs `step` in the browser's idle moments until it returns true (done). Each call is given
 * `hasTime`, true while the idle moment lasts; where there is no `requestIdleCallback`, for 8 ms
 * a task. Returns what cancels the rest: an effect's cleanup.
 */
export function whenIdleInSteps(
  step: (hasTime: () => boolean) => boolean,
  timeoutMs = 1000,
): () => void {
  let cancel: () => void = () => undefined;
  let cancelled = false;
  const run = (deadline?: IdleDeadline) => {
    const started = performance.now();
    const hasTime =
      deadline === undefined || deadline.didTimeout
        ? () => performance.now() - started < FALLBACK_STEP_MS
        : () => deadline.timeRemaining() > 1;
    if (!step(hasTime) && !cancelled) cancel = schedule();
  };
  const schedule = (): (() => void) => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: timeoutMs });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(run, 0);
    return () => clearTimeout(id);
  };
  cancel = schedule();
  return () => {
    cancelled = true;
    cancel();
  };
}

/** How long a step runs when there is no idle deadline to go by (or it has passed). */
const FALLBACK_STEP_MS = 8;
