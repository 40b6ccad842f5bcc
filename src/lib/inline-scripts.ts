/**
 * The site's inline scripts, each one short and needed before any bundled module runs. Inline
 * scripts run only when the policy lists their hash, and Astro hashes only the scripts it
 * bundles: the layout renders these texts as they are, and the policy hashes the same texts
 * (`INLINE_SCRIPTS`, read by src/integrations/content-security-policy.ts).
 */

/** Sets the stored theme before first paint, so it never flashes the other one (storage blocked: the OS theme). */
export const THEME_SCRIPT =
  "try{const t=localStorage.getItem('vibe-check:theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";

/**
 * A promise that failed with nobody to hear it (a write, a worker call) is said on the page, never
 * lost: one `role=alert` line at the top, quoting at most 120 characters of the reason.
 */
export const PAGE_ERROR_SCRIPT =
  "addEventListener('unhandledrejection',(event)=>{const r=event.reason;let box=document.getElementById('page-error');" +
  "if(!box){box=document.createElement('p');box.id='page-error';box.className='page-error';box.setAttribute('role','alert');document.body.prepend(box)}" +
  "box.textContent='Something failed on this page, and what you just did may not have been saved ('+String(r instanceof Error?r.message:r).slice(0,120)+'). Reload the page and check your progress in /review/.'})";

/** Every inline script of the layout, for the policy's hashes. */
export const INLINE_SCRIPTS = [THEME_SCRIPT, PAGE_ERROR_SCRIPT] as const;
