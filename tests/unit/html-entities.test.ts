import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weighPage } from '../../scripts/budgets/weigh-pages.ts';
import { decodeHtmlEntities } from '../../src/lib/html-text.ts';
import { pageTitle } from '../../src/lib/offline/saved-page.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vibe-entities-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(file: string, content: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), content);
}

describe('weighPage reads attribute values as HTML does', () => {
  it('decodes an escaped ampersand once: `&amp;quot;` is the text `&quot;`, not a quote', () => {
    write('_astro/a&quot;b.css', 'body{margin:0}');
    write('index.html', '<!doctype html><title>t</title><link rel="stylesheet" href="/_astro/a&amp;quot;b.css">');
    const weight = weighPage(dir, { route: '/', file: 'index.html' });
    expect(weight.styles.map((style) => style.file)).toEqual(['_astro/a&quot;b.css']);
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes each reference once, in one pass', () => {
    expect(decodeHtmlEntities('&amp;lt;b&amp;gt; &amp;amp; &amp;quot;')).toBe('&lt;b&gt; &amp; &quot;');
  });

  it('decodes the named references a serializer writes and numeric ones', () => {
    expect(decodeHtmlEntities('&lt;a&gt; &quot;x&quot; &apos;y&#39; &#x27;z&#8217; &amp;')).toBe(`<a> "x" 'y' 'z’ &`);
  });

  it('keeps what it does not know as written', () => {
    expect(decodeHtmlEntities('&nbsp; &copy &#0; &#x110000; a & b')).toBe('&nbsp; &copy &#0; &#x110000; a & b');
  });
});

describe('pageTitle', () => {
  it('reads a title with an escaped reference as its text', () => {
    expect(pageTitle('<title>Why &amp;lt;div&amp;gt; &amp; &lt;span&gt; · Vibe Check</title>')).toBe(
      'Why &lt;div&gt; & <span>',
    );
  });
});
