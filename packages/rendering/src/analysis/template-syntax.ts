import { compileTemplate } from '../parse/compile-template';

/** Throws PromptRenderError (details: line, column, reason) when `source` is not valid template syntax. */
export function checkTemplateSyntax(source: string): void {
  compileTemplate(source);
}
