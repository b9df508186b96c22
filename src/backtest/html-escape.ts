/** Text made safe to place in HTML content or a quoted attribute: as the notes escape it. */
export { escapeHtml } from '../brief/render-note-html.ts';

/**
 * A value as JSON that can sit inside a `<script>` element: every `<`, `>` and `&` written as a
 * \u escape, so a company name holding `</script>` or `<!--` can neither close the element nor
 * switch the HTML parser into its escaped-script state. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Script source made safe to inline: `</script` would end the element early and `<!--` could
 * start the parser's escaped-script state. In real code both only occur inside strings, where
 * `<\/` and `<\!` read the same (chart.js 4 holds neither, so its code goes in unchanged).
 * A source-map comment goes: its map is not beside the page, and a browser would go looking.
 */
export function scriptForHtml(source: string): string {
  return source
    .replace(/^\/\/[#@] sourceMappingURL=.*$/gm, '')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
}
