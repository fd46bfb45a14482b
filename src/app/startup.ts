/**
 * The first load of the lists, finished well or badly. Work that must not compete with it for the
 * network and the two cores of a modest machine waits for this: installing the offline worker
 * downloads and caches the whole app shell (2.9 MB of scripts, Excel and charts included).
 */
let settle: () => void = () => undefined;

export const startupSettled = new Promise<void>((resolve) => {
  settle = resolve;
});

export function markStartupSettled(): void {
  settle();
}
