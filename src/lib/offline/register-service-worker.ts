import { KEEP_PAGES, SKIP_WAITING, type KeepPagesMessage } from './messages.ts';

/** Shows the reader that a new version is waiting; `accept` activates it and reloads. */
export type OfferUpdate = (accept: () => void) => void;

/**
 * When a page installs the offline app: `now` on the app's own pages (home, review,
 * drill, questions, about); `engaged` on reading pages, from the reader's second page
 * of a visit, so someone who opens one guide from a link downloads that guide only.
 */
export type InstallPolicy = 'now' | 'engaged';

const PAGES_VIEWED_KEY = 'vibe-check:pages-viewed';
/** The pages this tab's visit showed, so the worker can keep those it did not serve. */
const PAGES_SHOWN_KEY = 'vibe-check:pages-shown';
/** Enough for any visit before the second page installs the app; bounds what is stored. */
const PAGES_SHOWN_MAX = 50;

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
    const shown = new Set([...pagesShown(), pageUrl()]);
    sessionStorage.setItem(PAGES_SHOWN_KEY, JSON.stringify([...shown].slice(-PAGES_SHOWN_MAX)));
    return viewed;
  } catch {
    return 1;
  }
}

/** This page's URL as the worker keeps pages: no query, no fragment. */
function pageUrl(): string {
  return `${location.origin}${location.pathname}`;
}

/** The pages this tab showed, this one included (just this one when storage is blocked). */
function pagesShown(): string[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(PAGES_SHOWN_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((url): url is string => typeof url === 'string') : [];
  } catch {
    return [];
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
    else keepPagesShown(container.controller);
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

/**
 * The worker has just taken control: the pages shown before it did (this one, the guide
 * read before it) reached the reader from the network, so it kept none of them. Ask it to.
 */
function keepPagesShown(worker: ServiceWorker | null): void {
  const urls = [...new Set([...pagesShown(), pageUrl()])];
  const message: KeepPagesMessage = { type: KEEP_PAGES, urls };
  worker?.postMessage(message);
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
