/** The Markdown renderer (marked + DOMPurify), fetched the first time it is needed. */
export const loadMarkdown = () => import('./markdown.js');

/** The live preview pane: re-rendered at most every 150 ms while shown. */
export function createPreview(pane, getText) {
  let timer = null;
  let visible = false;
  const render = async () => {
    const { renderMarkdown } = await loadMarkdown();
    timer = null;
    if (visible) pane.innerHTML = renderMarkdown(getText(), { inlineStyles: false }); // sanitised
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
