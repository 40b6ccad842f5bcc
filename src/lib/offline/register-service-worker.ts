import { SKIP_WAITING } from './messages.ts';
import { createUpdatePrompt } from './update-prompt.ts';

/**
 * Registers `${base}sw.js` and offers each new version once it has installed. The new
 * version waits until the reader accepts it, so the page reloads only on request and
 * never under a review in progress.
 */
export function registerServiceWorker(base: string): void {
  if (!('serviceWorker' in navigator)) return;
  // After the load event: installing precaches the whole site, which must not
  // compete with the page's own first requests (a slow phone feels it most).
  if (document.readyState === 'complete') register(base);
  else window.addEventListener('load', () => register(base), { once: true });
}

function register(base: string): void {
  const container = navigator.serviceWorker;
  const prompt = createUpdatePrompt();
  const hadController = container.controller !== null;
  let accepted = false;
  container.addEventListener('controllerchange', () => {
    // Only a change the reader asked for reloads. The first install claims the page
    // too, silently; a version accepted in another tab leaves this one on old files.
    if (accepted) location.reload();
    else if (hadController) prompt.show(() => location.reload());
  });
  const offer = (worker: ServiceWorker) =>
    prompt.show(() => {
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
