import { SKIP_WAITING } from './messages.ts';

/** Shows the reader that a new version is waiting; `accept` activates it and reloads. */
export type OfferUpdate = (accept: () => void) => void;

/**
 * Registers `${base}sw.js` and offers each new version once it has installed. The new
 * version waits until the reader accepts it, so the page reloads only on request and
 * never under a review in progress.
 */
export function registerServiceWorker(base: string, offerUpdate: OfferUpdate): void {
  if (!('serviceWorker' in navigator)) return;
  // After the load event: installing precaches the whole site, which must not
  // compete with the page's own first requests (a slow phone feels it most).
  if (document.readyState === 'complete') register(base, offerUpdate);
  else window.addEventListener('load', () => register(base, offerUpdate), { once: true });
}

function register(base: string, offerUpdate: OfferUpdate): void {
  const container = navigator.serviceWorker;
  const hadController = container.controller !== null;
  let accepted = false;
  container.addEventListener('controllerchange', () => {
    // Only a change the reader asked for reloads. The first install claims the page
    // too, silently; a version accepted in another tab leaves this one on old files.
    if (accepted) location.reload();
    else if (hadController) offerUpdate(() => location.reload());
  });
  const offer = (worker: ServiceWorker) =>
    offerUpdate(() => {
      accepted = true;
      worker.postMessage({ type: SKIP_WAITING });
    });

  container.register(`${base}sw.js`, { scope: base }).then(
    (registration: ServiceWorkerRegistration | undefined) => {
      // Automation that blocks service workers (Playwright) resolves with nothing.
      if (!registration) return;
      // Without a controller the page is not on any version yet (first visit, hard reload).
      if (registration.waiting && container.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && container.controller) offer(worker);
        });
      });
      // A review can keep one page open for long: look for a new version when it is shown again.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
      });
    },
    () => undefined, // Blocked (some private modes): the site still works online.
  );
}
