import { TextOperation } from './text-operation.js';
import { diff } from './diff.js';

/**
 * Carries edits the server never got onto a fresh text from it (after a rejection or an
 * unknown-rev, PROTOCOL.md "Rejections"). `lost` took `base`, the server's text we last knew, to
 * `local`; `fresh` is the server's text now, reached through changes we have no log of, so a diff
 * stands in for them. Returns {onFresh, forLocal} with
 *   apply(local, forLocal) == apply(fresh, onFresh)
 * where onFresh is null when there is nothing to carry (then forLocal simply takes local to fresh).
 */
export function rebase(base, lost, local, fresh) {
  if (!lost || base === null) return { onFresh: null, forLocal: diff(local, fresh) };
  const [onFresh, forLocal] = TextOperation.transform(lost, diff(base, fresh));
  return { onFresh: onFresh.isNoop() ? null : onFresh, forLocal };
}
