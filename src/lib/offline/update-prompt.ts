export interface UpdatePrompt {
  /** Shows the prompt; `accept` runs when the reader chooses to reload. */
  show(accept: () => void): void;
}

/**
 * "Update available — Reload / Later", a polite live region at the start of <body> so
 * it is the first stop of Tab, visually pinned to the bottom of the screen. It never
 * takes focus: keys typed into a review keep going to the review.
 */
export function createUpdatePrompt(): UpdatePrompt {
  let region: HTMLElement | undefined;
  let onAccept = () => {};

  const build = (): HTMLElement => {
    const root = document.createElement('div');
    root.className = 'update-prompt';
    root.setAttribute('role', 'status');
    document.body.prepend(root);
    // A live region announces content added after it exists, so fill it a moment later.
    setTimeout(() => {
      const text = document.createElement('p');
      text.textContent = 'Update available';
      const reload = button('Reload', 'update-prompt-reload', () => {
        reload.disabled = true;
        onAccept();
      });
      const later = button('Later', 'update-prompt-later', () => {
        root.hidden = true;
      });
      later.setAttribute('aria-label', 'Later: keep this version until the next visit');
      root.append(text, reload, later);
    }, 50);
    return root;
  };

  return {
    show(accept) {
      onAccept = accept;
      region ??= build();
      region.hidden = false;
    },
  };
}

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}
