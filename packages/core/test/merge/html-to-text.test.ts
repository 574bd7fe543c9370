import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/index.js';

describe('htmlToText', () => {
  it('separates paragraphs by a blank line', () => {
    expect(htmlToText('<p>Hello Amara,</p><p>Your review is due.</p>')).toBe(
      'Hello Amara,\n\nYour review is due.',
    );
  });

  it('breaks lines at br', () => {
    expect(htmlToText('Line one<br>Line two<br/>Line three')).toBe(
      'Line one\nLine two\nLine three',
    );
  });

  it('keeps a blank line for two br', () => {
    expect(htmlToText('a<br><br>b')).toBe('a\n\nb');
  });

  it('puts list items on lines', () => {
    expect(htmlToText('<ul><li>One</li><li>Two</li></ul>')).toBe('One\nTwo');
  });

  it('puts divs on lines', () => {
    expect(htmlToText('Intro<div>First</div><div>Second</div>')).toBe('Intro\nFirst\nSecond');
  });

  it('writes links as text and url', () => {
    const html = '<a href="https://example.com/r?a=1&amp;b=2">your review</a>';

    expect(htmlToText(html)).toBe('your review (https://example.com/r?a=1&b=2)');
  });

  it('writes a link once when text is the url', () => {
    expect(htmlToText("<a href='https://x.example'>https://x.example</a>")).toBe(
      'https://x.example',
    );
  });

  it('writes the url of an empty link', () => {
    expect(htmlToText('<a href=https://x.example></a>')).toBe('https://x.example');
  });

  it('drops mailto for an address link', () => {
    expect(htmlToText('<a href="mailto:a@example.com">a@example.com</a>')).toBe('a@example.com');
  });

  it('decodes entities', () => {
    expect(htmlToText('&lt;b&gt; &amp; &quot;q&quot; &#39;s&apos; &#8217; &#x1F600;')).toBe(
      `<b> & "q" 's' ’ 😀`,
    );
  });

  it('keeps unknown entities as written', () => {
    expect(htmlToText('&bogus; &#xZZ; &#0; &#99999999; &__proto__; & ;')).toBe(
      '&bogus; &#xZZ; &#0; &#99999999; &__proto__; & ;',
    );
  });

  it('turns nbsp into a space', () => {
    expect(htmlToText('a&nbsp;b')).toBe('a b');
  });

  it('collapses source whitespace', () => {
    expect(htmlToText('<p>\n  Hello\n  there  </p>\n\n<p> Bye </p>')).toBe('Hello there\n\nBye');
  });

  it('drops script, style and comments', () => {
    const html = '<style>p{color:red}</style><SCRIPT>alert(1)</script ><!-- note -->Text';

    expect(htmlToText(html)).toBe('Text');
  });

  it('drops the head and doctype', () => {
    const html = '<!DOCTYPE html><html><head><title>T</title></head><body>Body</body></html>';

    expect(htmlToText(html)).toBe('Body');
  });

  it('keeps a lone less-than sign', () => {
    expect(htmlToText('1 < 2 and 3 <4')).toBe('1 < 2 and 3 <4');
  });

  it('keeps an unclosed tag as text', () => {
    expect(htmlToText('a <b')).toBe('a <b');
  });
});
