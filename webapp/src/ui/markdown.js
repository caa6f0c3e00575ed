import { marked } from 'marked';
import DOMPurify from 'dompurify';

/**
 * Markdown rendered to HTML and sanitised: DOMPurify removes scripts, event handler attributes and
 * javascript: URLs, so a document cannot run code in its readers' browsers (the CSP forbids
 * inline scripts as a second line). Loaded only when the preview or an HTML export needs it.
 */
export function renderMarkdown(text) {
  return DOMPurify.sanitize(marked.parse(text, { async: false, gfm: true }));
}
