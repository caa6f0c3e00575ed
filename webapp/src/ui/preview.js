import { marked } from 'marked';
import DOMPurify from 'dompurify';

/**
 * Markdown rendered to HTML and sanitised: DOMPurify removes scripts, event handler attributes and
 * javascript: URLs, so a document cannot run code in its readers' browsers (the CSP forbids
 * inline scripts as a second line).
 */
export function renderMarkdown(text) {
  return DOMPurify.sanitize(marked.parse(text, { async: false, gfm: true }));
}

/** The live preview pane: re-rendered at most every 150 ms while shown. */
export function createPreview(pane, getText) {
  let timer = null;
  let visible = false;
  const render = () => {
    timer = null;
    pane.innerHTML = renderMarkdown(getText()); // sanitised above
  };
  return {
    get visible() { return visible; },
    setVisible(on) {
      visible = on;
      pane.hidden = !on;
      if (on) render();
    },
    changed() {
      if (visible && timer === null) timer = setTimeout(render, 150);
    },
  };
}
