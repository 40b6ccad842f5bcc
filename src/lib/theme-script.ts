/**
 * The one inline script of the site: it sets the stored theme before first paint, so a
 * stored theme never flashes the other one (storage blocked: the OS theme). Inline
 * scripts run only when the policy lists their hash, and Astro hashes only the scripts it
 * bundles: the layout renders this text as it is, and the policy hashes the same text
 * (src/integrations/content-security-policy.ts).
 */
export const THEME_SCRIPT =
  "try{const t=localStorage.getItem('vibe-check:theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
