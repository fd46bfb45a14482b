/**
 * Runs `task` once the next frame has been painted: a frame's callback runs before its paint, and
 * a task queued from it runs after. Returns what cancels it (an effect's cleanup).
 */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
