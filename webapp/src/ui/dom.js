// Building DOM without innerHTML: user data (names, ids, document titles) only ever goes into
// textContent or attribute values, so it can never become markup.

/**
 * el('button', {class: 'x', onclick: f, title: 't'}, 'text', child) — strings become text nodes.
 * Attributes starting with "on" are listeners; `dataset` is an object; null/false values are skipped.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `node`. */
export function setChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/**
 * A colour from the server as #rrggbb: only hex colours are accepted (#rgb, #rgba, #rrggbb,
 * #rrggbbaa; alpha dropped), anything else becomes a neutral grey, so nothing the server sends can
 * reach a style attribute but six hex digits.
 */
export function safeColor(color) {
  if (typeof color !== 'string') return '#888888';
  if (/^#[0-9a-fA-F]{3,4}$/.test(color)) return `#${color[1]}${color[1]}${color[2]}${color[2]}${color[3]}${color[3]}`;
  if (/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/.test(color)) return color.slice(0, 7);
  return '#888888';
}

/** Offers `text` as a file download. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
