import { marked } from 'marked';
import DOMPurify from 'dompurify';

/**
 * Markdown rendered to HTML and sanitised: DOMPurify removes scripts, event handler attributes and
 * javascript: URLs, so a document cannot run code in its readers' browsers (the CSP forbids
 * inline scripts as a second line). Loaded only when the preview or an HTML export needs it.
 * With `inlineStyles: false` (the preview, inside the editor page) `<style>` elements and style
 * attributes go too: a document must not restyle the page around it, and the page's CSP would
 * refuse them anyway. A standalone export keeps them.
 */
export function renderMarkdown(text, { inlineStyles = true } = {}) {
  const html = marked.parse(text, { async: false, gfm: true });
  return DOMPurify.sanitize(html, inlineStyles ? {} : { FORBID_TAGS: ['style'], FORBID_ATTR: ['style'] });
}
