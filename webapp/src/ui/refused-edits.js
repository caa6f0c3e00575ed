import { el, download } from './dom.js';

/** What each refusal means to a user, by PROTOCOL.md's error code. */
const REASONS = {
  'too-large': 'the document would be larger than this server allows',
  forbidden: 'this page may only view the document',
  'invalid-op': 'it no longer fitted the document',
  'not-in-order': 'it arrived out of order',
};

/**
 * The panel that tells the user, plainly, that an edit of theirs was refused for good and is not
 * in the document, and hands its text back (copy or download): the page never loses one silently.
 * One entry per refusal, each kept until the user dismisses it.
 * @returns {{element: HTMLElement, show({code, message, text}): void}}
 */
export function createRefusedEdits({ id }) {
  const element = el('section', { class: 'refused-edits', role: 'alert', 'aria-label': 'Edits not saved', hidden: true });
  let count = 0;

  function show({ code, message, text }) {
    count++;
    const units = [...text].length;
    const why = REASONS[code] || 'the server refused it';
    const filename = `${id}-not-saved-${count}.txt`;
    const status = el('span', { class: 'refused-status' });
    const entry = el('div', { class: 'refused-edit', dataset: { code } },
      el('p', {},
        el('strong', {}, 'Not saved: '),
        units ? `${units.toLocaleString()} character${units === 1 ? '' : 's'} you typed or pasted ` : 'An edit of yours ',
        `could not be stored, because ${why}. `,
        units ? 'They are no longer in the document: copy or download them to keep them.' : 'It is no longer in the document.'),
      message ? el('p', { class: 'refused-detail' }, `Server: ${code}: ${message}`) : null,
      el('p', { class: 'refused-actions' },
        units ? el('button', { type: 'button', class: 'refused-copy', onclick: () => copy(text, status) }, 'Copy text') : null,
        units ? el('button', { type: 'button', class: 'refused-download', onclick: () => download(filename, text, 'text/plain;charset=utf-8') },
          'Download text') : null,
        el('button', { type: 'button', class: 'refused-dismiss', onclick: () => dismiss(entry) }, 'Dismiss'),
        status));
    element.append(entry);
    element.hidden = false;
  }

  function dismiss(entry) {
    entry.remove();
    element.hidden = !element.children.length;
  }

  return { element, show };
}

async function copy(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied.';
  } catch (e) {
    status.textContent = 'The browser did not allow copying: use Download.';
  }
}
