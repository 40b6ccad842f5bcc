/** How far below the top of the viewport a heading counts as being read (below the sticky header). */
const READING_LINE_PX = 120;

/** <table-of-contents>: marks the section being read with aria-current, like Starlight's. */
class TableOfContents extends HTMLElement {
  #links: HTMLAnchorElement[] = [];
  #targets: HTMLElement[] = [];
  #frame = 0;

  connectedCallback(): void {
    this.#links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    this.#targets = this.#links
      .map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))))
      .filter((target): target is HTMLElement => target !== null);
    if (this.#targets.length === 0) return;
    this.#mark();
    addEventListener('scroll', this.#onScroll, { passive: true });
  }

  disconnectedCallback(): void {
    removeEventListener('scroll', this.#onScroll);
    cancelAnimationFrame(this.#frame);
  }

  readonly #onScroll = (): void => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#mark());
  };

  #mark(): void {
    let current = this.#targets[0];
    for (const target of this.#targets) if (target.getBoundingClientRect().top <= READING_LINE_PX) current = target;
    for (const link of this.#links) {
      if (link.hash === `#${current?.id}`) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  }
}

customElements.define('table-of-contents', TableOfContents);
