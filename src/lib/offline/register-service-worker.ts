import { SKIP_WAITING } from './messages.ts';

/** Shows the reader that a new version is waiting; `accept` activates it and reloads. */
export type OfferUpdate = (accept: () => void) => void;

/**
 * When a page installs the offline app: `now` on the app's own pages (home, review,
 * drill, questions, about); `engaged` on reading pages, from the reader's second page
 * of a visit, so someone who opens one guide from a link downloads that guide only.
 */
export type InstallPolicy = 'now' | 'engaged';

const PAGES_VIEWED_KEY = 'vibe-check:pages-viewed';

/**
 * Registers `${base}sw.js` and offers each new version once it has installed. The new
 * version waits until the reader accepts it, so the page reloads only on request and
 * never under a review in progress.
 */
export function registerServiceWorker(base: string, offerUpdate: OfferUpdate, policy: InstallPolicy = 'now'): void {
  if (!('serviceWorker' in navigator)) return;
  const start = () => void whenInstalling(base, policy).then((go) => go && register(base, offerUpdate));
  // After the load event: installing precaches the app, which must not compete with
  // the page's own first requests (a slow phone feels it most).
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

async function whenInstalling(base: string, policy: InstallPolicy): Promise<boolean> {
  const viewed = countPageView();
  if (policy === 'now' || viewed >= 2) return true;
  // Installed before: register again so updates are found and offered.
  const existing = await navigator.serviceWorker.getRegistration(base).catch(() => undefined);
  return existing !== undefined;
}

/** Pages viewed in this tab's visit, this one included (1 when storage is blocked). */
function countPageView(): number {
  try {
    const viewed = Number(sessionStorage.getItem(PAGES_VIEWED_KEY) ?? '0') + 1;
    sessionStorage.setItem(PAGES_VIEWED_KEY, String(viewed));
    return viewed;
  } catch {
    return 1;
  }
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
  offerSaveOnceInstalled(base);
}

const SAVE_OFFERED_KEY = 'vibe-check:save-offered';

/** Once the app is installed (or first runs as one), offer, once, to save every guide. */
function offerSaveOnceInstalled(base: string): void {
  const offer = () => {
    try {
      if (localStorage.getItem(SAVE_OFFERED_KEY)) return;
      localStorage.setItem(SAVE_OFFERED_KEY, '1');
    } catch {
      return;
    }
    void import('./save-offer.ts').then(({ showSaveOffer }) => showSaveOffer(base));
  };
  if (matchMedia('(display-mode: standalone)').matches) offer();
  else window.addEventListener('appinstalled', offer, { once: true });
}
