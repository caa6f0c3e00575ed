import { listVersions } from './api.js';
import { el } from './dom.js';

/**
 * Marks the named versions on the history slider (a <datalist> of their revisions, which the
 * browser draws as ticks) and returns them as revision → name; none when they cannot be loaded.
 */
export async function markVersions(id, slider, container) {
  let versions = [];
  try {
    versions = await listVersions(id);
  } catch (e) {
    return new Map();
  }
  const listId = 'version-marks';
  const old = container.querySelector(`#${listId}`);
  if (old) old.remove();
  const marks = el('datalist', { id: listId, class: 'version-marks' },
    ...versions.map((v) => el('option', { value: String(v.rev), label: v.name })));
  container.append(marks);
  slider.setAttribute('list', listId);
  return new Map(versions.map((v) => [v.rev, v.name]));
}
