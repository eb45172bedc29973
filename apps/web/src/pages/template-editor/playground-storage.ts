/**
 * The playground context of each template, kept in the browser so it survives saving a version
 * (which leaves the page) and reloads. Storage may be unavailable (private mode, quota): then the
 * context simply is not remembered.
 */

const keyOf = (templateName: string | null) => `promptops.playground-context.${templateName ?? '(new)'}`;

export function loadContext(templateName: string | null): string | null {
  try {
    return window.localStorage.getItem(keyOf(templateName));
  } catch {
    return null;
  }
}

export function storeContext(templateName: string | null, text: string): void {
  try {
    if (text.trim() === '' || text.trim() === '{}') window.localStorage.removeItem(keyOf(templateName));
    else window.localStorage.setItem(keyOf(templateName), text);
  } catch {
    // Not remembering a scratch context is harmless.
  }
}
