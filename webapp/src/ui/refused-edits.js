import { el, download } from './dom.js';
import { t } from './i18n.js';

/** What each refusal means to a user, by PROTOCOL.md's error code: the catalogue's keys. */
const REASONS = {
  'too-large': 'refused.why.tooLarge',
  forbidden: 'refused.why.forbidden',
  'invalid-op': 'refused.why.invalidOp',
  'not-in-order': 'refused.why.notInOrder',
};

/**
 * The panel that tells the user, plainly, that an edit of theirs was refused for good and is not
 * in the document, and hands its text back (copy or download): the page never loses one silently.
 * One entry per refusal, each kept until the user dismisses it.
 * @returns {{element: HTMLElement, show({code, message, text}): void}}
 */
export function createRefusedEdits({ id }) {
  const element = el('section', { class: 'refused-edits', role: 'alert', 'aria-label': t('refused.label'), hidden: true });
  let count = 0;

  function show({ code, message, text }) {
    count++;
    const units = [...text].length;
    const why = t(REASONS[code] || 'refused.why.other');
    const filename = `${id}-not-saved-${count}.txt`;
    const status = el('span', { class: 'refused-status' });
    const entry = el('div', { class: 'refused-edit', dataset: { code } },
      el('p', {},
        el('strong', {}, t('refused.notSaved')), ' ',
        units ? t('refused.characters', { count: units, why }) : t('refused.edit', { why }), ' ',
        units ? t('refused.keep', { count: units }) : t('refused.gone')),
      message ? el('p', { class: 'refused-detail' }, t('refused.detail', { code, message })) : null,
      el('p', { class: 'refused-actions' },
        units ? el('button', { type: 'button', class: 'refused-copy', onclick: () => copy(text, status) }, t('refused.copy')) : null,
        units ? el('button', { type: 'button', class: 'refused-download', onclick: () => download(filename, text, 'text/plain;charset=utf-8') },
          t('refused.download')) : null,
        el('button', { type: 'button', class: 'refused-dismiss', onclick: () => dismiss(entry) }, t('refused.dismiss')),
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
    status.textContent = t('refused.copied');
  } catch (e) {
    status.textContent = t('refused.copyDenied');
  }
}
