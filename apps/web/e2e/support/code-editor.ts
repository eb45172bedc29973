import type { Page } from 'playwright-core';

/**
 * Replaces the text of a CodeMirror editor, found by its accessible name (CodeMirror's content is
 * a `textbox`). The text goes in as one insertion, as a paste would: typing key by key would let the
 * editor's bracket closing add `}` after every `{`. The selection is made with the editor's own
 * select-all key, which updates its state at once; a DOM selection is only read by CodeMirror on a
 * later event, so on a loaded machine an insertion could land at the old cursor instead. The text
 * is checked afterwards and the replacement repeated (a bounded number of times) if it did not take.
 */
export async function fillCodeEditor(page: Page, name: string, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name, exact: true });
  for (let attempt = 1; ; attempt++) {
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(text);
    const shown = (await editor.locator('.cm-line').allTextContents()).join('\n');
    if (shown === text) return;
    if (attempt === 3) throw new Error(`the "${name}" editor shows ${JSON.stringify(shown)} instead of ${JSON.stringify(text)}`);
  }
}
